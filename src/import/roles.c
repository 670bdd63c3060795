/* roles.c — layer 0b: what a section is about, as its heading says: the
 * duties ("Responsibilities", "Ihre Aufgaben", "仕事内容") or the
 * requirements ("Qualifications", "Dein Profil", "応募資格"), in the
 * languages of the kiosk's words and the other languages postings come in.
 * One table of heading words per role. Headings only, never body
 * sentences: a heading that reads as a sentence or runs long says
 * nothing. */
#include "support.h"

#include <string.h>

/* Words anywhere in a heading that name the duties. */
static const import_word duty_words[] = {
    /* English */
    {"responsibilit", IMPORT_WORD_PREFIX},
    {"accountabilit", IMPORT_WORD_PREFIX},
    {"duties", IMPORT_WORD_WHOLE},
    {"tasks", IMPORT_WORD_WHOLE},
    {"what you will do", IMPORT_WORD_WHOLE},
    {"what you'll do", IMPORT_WORD_WHOLE},
    {"what you'd do", IMPORT_WORD_WHOLE},
    {"what you would do", IMPORT_WORD_WHOLE},
    {"what you will be doing", IMPORT_WORD_WHOLE},
    {"what you'll be doing", IMPORT_WORD_WHOLE},
    {"what you will work on", IMPORT_WORD_WHOLE},
    {"what you'll work on", IMPORT_WORD_WHOLE},
    {"what you'll be working on", IMPORT_WORD_WHOLE},
    {"what you will be working on", IMPORT_WORD_WHOLE},
    {"what you will achieve", IMPORT_WORD_WHOLE},
    {"what you'll achieve", IMPORT_WORD_WHOLE},
    {"how you'll contribute", IMPORT_WORD_WHOLE},
    {"how you will contribute", IMPORT_WORD_WHOLE},
    {"how you'll make an impact", IMPORT_WORD_WHOLE},
    {"your impact", IMPORT_WORD_WHOLE},
    {"your mission", IMPORT_WORD_WHOLE},
    {"the mission", IMPORT_WORD_WHOLE},
    {"day to day", IMPORT_WORD_WHOLE},
    {"day-to-day", IMPORT_WORD_WHOLE},
    {"a day in the life", IMPORT_WORD_WHOLE},
    {"in this role", IMPORT_WORD_WHOLE},
    {"about the role", IMPORT_WORD_WHOLE},
    {"about this role", IMPORT_WORD_WHOLE},
    {"about the position", IMPORT_WORD_WHOLE},
    {"role overview", IMPORT_WORD_WHOLE},
    {"role description", IMPORT_WORD_WHOLE},
    {"what the job involves", IMPORT_WORD_WHOLE},
    {"the work", IMPORT_WORD_WHOLE},
    /* German */
    {"aufgabe", IMPORT_WORD_PART},          /* Aufgaben, Hauptaufgaben, Aufgabengebiet */
    {"t\xC3\xA4tigkeit", IMPORT_WORD_PART}, /* Tätigkeiten */
    {"das erwartet dich", IMPORT_WORD_WHOLE},
    {"das erwartet sie", IMPORT_WORD_WHOLE},
    {"was dich erwartet", IMPORT_WORD_WHOLE},
    {"was sie erwartet", IMPORT_WORD_WHOLE},
    {"das machst du", IMPORT_WORD_WHOLE},
    {"was du machst", IMPORT_WORD_WHOLE},
    {"deine rolle", IMPORT_WORD_WHOLE},
    {"ihre rolle", IMPORT_WORD_WHOLE},
    {"die rolle", IMPORT_WORD_WHOLE},
    {"deine verantwortung", IMPORT_WORD_WHOLE},
    {"ihre verantwortung", IMPORT_WORD_WHOLE},
    {"verantwortungsbereich", IMPORT_WORD_PREFIX},
    {"stellenbeschreibung", IMPORT_WORD_WHOLE},
    {"deine mission", IMPORT_WORD_WHOLE},
    /* French */
    {"vos missions", IMPORT_WORD_WHOLE},
    {"tes missions", IMPORT_WORD_WHOLE},
    {"votre mission", IMPORT_WORD_WHOLE},
    {"ta mission", IMPORT_WORD_WHOLE},
    {"la mission", IMPORT_WORD_WHOLE},
    {"les missions", IMPORT_WORD_WHOLE},
    {"missions principales", IMPORT_WORD_WHOLE},
    {"principales missions", IMPORT_WORD_WHOLE},
    {"responsabilit", IMPORT_WORD_PREFIX},   /* also Italian responsabilità */
    {"t\xC3\xA2\x63hes", IMPORT_WORD_WHOLE}, /* tâches */
    {"descriptif du poste", IMPORT_WORD_WHOLE},
    {"description du poste", IMPORT_WORD_WHOLE},
    {"le poste", IMPORT_WORD_WHOLE},
    {"votre r\xC3\xB4le", IMPORT_WORD_WHOLE}, /* votre rôle */
    {"ton r\xC3\xB4le", IMPORT_WORD_WHOLE},
    {"ce que vous ferez", IMPORT_WORD_WHOLE},
    {"ce que tu feras", IMPORT_WORD_WHOLE},
    {"au quotidien", IMPORT_WORD_WHOLE},
    /* Spanish, Portuguese, Italian */
    {"responsabilidad", IMPORT_WORD_PREFIX},
    {"funciones", IMPORT_WORD_WHOLE},
    {"tareas", IMPORT_WORD_WHOLE},
    {"qu\xC3\xA9 har\xC3\xA1s", IMPORT_WORD_WHOLE}, /* qué harás */
    {"que har\xC3\xA1s", IMPORT_WORD_WHOLE},
    {"tu rol", IMPORT_WORD_WHOLE},
    {"el rol", IMPORT_WORD_WHOLE},
    {"descripci\xC3\xB3n del puesto", IMPORT_WORD_WHOLE}, /* descripción del puesto */
    {"tu misi\xC3\xB3n", IMPORT_WORD_WHOLE},
    {"atividades", IMPORT_WORD_WHOLE},
    {"atribui\xC3\xA7", IMPORT_WORD_PREFIX},         /* atribuições */
    {"fun\xC3\xA7\xC3\xB5\x65s", IMPORT_WORD_WHOLE}, /* funções */
    {"tarefas", IMPORT_WORD_WHOLE},
    {"desafios", IMPORT_WORD_WHOLE},
    {"o que voc\xC3\xAA vai fazer", IMPORT_WORD_WHOLE}, /* o que você vai fazer */
    {"o que vais fazer", IMPORT_WORD_WHOLE},
    {"dia a dia", IMPORT_WORD_WHOLE},
    {"mansioni", IMPORT_WORD_WHOLE},
    {"compiti", IMPORT_WORD_WHOLE},
    {"attivit\xC3\xA0", IMPORT_WORD_WHOLE}, /* attività */
    {"cosa farai", IMPORT_WORD_WHOLE},
    {"ti occuperai", IMPORT_WORD_WHOLE},
    {"il ruolo", IMPORT_WORD_WHOLE},
    {"il tuo ruolo", IMPORT_WORD_WHOLE},
    /* Dutch */
    {"jouw taken", IMPORT_WORD_WHOLE},
    {"je taken", IMPORT_WORD_WHOLE},
    {"uw taken", IMPORT_WORD_WHOLE},
    {"taken en", IMPORT_WORD_WHOLE},
    {"werkzaamheden", IMPORT_WORD_WHOLE},
    {"verantwoordelijkhe", IMPORT_WORD_PREFIX},
    {"wat ga je doen", IMPORT_WORD_WHOLE},
    {"wat ga jij doen", IMPORT_WORD_WHOLE},
    {"wat je gaat doen", IMPORT_WORD_WHOLE},
    {"functieomschrijving", IMPORT_WORD_WHOLE},
    {"jouw rol", IMPORT_WORD_WHOLE},
    /* Polish, Czech, Slovak */
    {"obowi\xC4\x85zk", IMPORT_WORD_PREFIX}, /* obowiązki, zakres obowiązków */
    {"zadania", IMPORT_WORD_WHOLE},
    {"czym b\xC4\x99\x64ziesz", IMPORT_WORD_WHOLE}, /* czym będziesz */
    {"twoja rola", IMPORT_WORD_WHOLE},
    {"n\xC3\xA1pl\xC5\x88", IMPORT_WORD_WHOLE}, /* náplň (práce) */
    {"povinnosti", IMPORT_WORD_WHOLE},
    {"odpov\xC4\x9b\x64nost", IMPORT_WORD_PREFIX}, /* odpovědnosti */
    {"zodpov\xC4\x9b\x64nost", IMPORT_WORD_PREFIX},
    {"zodpovednost", IMPORT_WORD_PREFIX},
    {"\xC3\xBAkoly", IMPORT_WORD_WHOLE},                        /* úkoly */
    {"\xC3\xBAlohy", IMPORT_WORD_WHOLE},                        /* úlohy */
    {"co budete d\xC4\x9blat", IMPORT_WORD_WHOLE},              /* co budete dělat */
    {"\xC4\x8do bude\xC5\xA1 robi\xC5\xA5", IMPORT_WORD_WHOLE}, /* čo budeš robiť */
    {"\xC4\x8do budete robi\xC5\xA5", IMPORT_WORD_WHOLE},       /* čo budete robiť */
    {"popis pozice", IMPORT_WORD_WHOLE},
    {"popis pozície", IMPORT_WORD_WHOLE},
    {"popis pr\xC3\xA1\x63\x65", IMPORT_WORD_WHOLE}, /* popis práce */
    /* Swedish, Danish, Norwegian, Finnish */
    {"arbetsuppgift", IMPORT_WORD_PREFIX},
    {"arbejdsopgave", IMPORT_WORD_PREFIX},
    {"arbeidsoppgave", IMPORT_WORD_PREFIX},
    {"dina uppgifter", IMPORT_WORD_WHOLE},
    {"dine opgaver", IMPORT_WORD_WHOLE},
    {"dine oppgaver", IMPORT_WORD_WHOLE},
    {"ansvarsomr\xC3\xA5\x64\x65", IMPORT_WORD_PREFIX}, /* ansvarsområde(n/r) */
    {"om rollen", IMPORT_WORD_WHOLE},
    {"om tj\xC3\xA4nsten", IMPORT_WORD_WHOLE}, /* om tjänsten */
    {"om stillingen", IMPORT_WORD_WHOLE},
    {"teht\xC3\xA4v", IMPORT_WORD_PART}, /* tehtävät, työtehtävät */
    {"vastuualue", IMPORT_WORD_PART},
    {"ty\xC3\xB6nkuva", IMPORT_WORD_PART},   /* työnkuva */
    {"mit\xC3\xA4 teet", IMPORT_WORD_WHOLE}, /* mitä teet */
    /* Ukrainian, Russian */
    {"\xD0\xBE\xD0\xB1\xD0\xBE\xD0\xB2'\xD1\x8F\xD0\xB7\xD0\xBA",
     IMPORT_WORD_PREFIX}, /* обов'язк */
    {"\xD0\xBE\xD0\xB1\xD0\xBE\xD0\xB2\xD1\x8F\xD0\xB7\xD0\xBA", IMPORT_WORD_PREFIX}, /* обовязк */
    {"\xD0\xB7\xD0\xB0\xD0\xB2\xD0\xB4\xD0\xB0\xD0\xBD\xD0\xBD\xD1\x8F",
     IMPORT_WORD_WHOLE}, /* завдання */
    {"\xD0\xB1\xD1\x83\xD0\xB4\xD0\xB5\xD1\x82\xD0\xB5 \xD1\x80\xD0\xBE\xD0\xB1\xD0\xB8\xD1\x82\xD0"
     "\xB8",
     IMPORT_WORD_WHOLE}, /* будете робити */
    {"\xD0\xBE\xD0\xB1\xD1\x8F\xD0\xB7\xD0\xB0\xD0\xBD\xD0\xBD\xD0\xBE\xD1\x81\xD1\x82",
     IMPORT_WORD_PREFIX}, /* обязанност */
    {"\xD0\xB7\xD0\xB0\xD0\xB4\xD0\xB0\xD1\x87\xD0\xB8", IMPORT_WORD_WHOLE}, /* задачи */
    {"\xD0\xBF\xD1\x80\xD0\xB5\xD0\xB4\xD1\x81\xD1\x82\xD0\xBE\xD0\xB8\xD1\x82",
     IMPORT_WORD_WHOLE}, /* предстоит */
    {"\xD1\x84\xD1\x83\xD0\xBD\xD0\xBA\xD1\x86\xD0\xB8\xD0\xBE\xD0\xBD\xD0\xB0\xD0\xBB",
     IMPORT_WORD_WHOLE}, /* функционал */
    /* Turkish (İ folds to ı), Greek */
    {"sorumluluk", IMPORT_WORD_PREFIX},
    {"g\xC3\xB6rev", IMPORT_WORD_PREFIX},                         /* görev(ler), görev tanımı */
    {"i\xC5\x9f tan\xC4\xB1m\xC4\xB1", IMPORT_WORD_WHOLE},        /* iş tanımı */
    {"\xC4\xB1\xC5\x9f tan\xC4\xB1m\xC4\xB1", IMPORT_WORD_WHOLE}, /* İş Tanımı */
    {"\xC4\xB1\xC5\x9f tanimi", IMPORT_WORD_WHOLE},               /* İŞ TANIMI */
    {"yapacaks\xC4\xB1n", IMPORT_WORD_PREFIX},                    /* (neler) yapacaksın(ız) */
    {"\xCE\xB1\xCF\x81\xCE\xBC\xCE\xBF\xCE\xB4\xCE\xB9\xCF\x8C\xCF\x84\xCE\xB7\xCF\x84",
     IMPORT_WORD_PREFIX}, /* αρμοδιότητ(ες) */
    {"\xCE\xB1\xCF\x81\xCE\xBC\xCE\xBF\xCE\xB4\xCE\xB9\xCE\xBF\xCF\x84\xCE\xB7\xCF\x84",
     IMPORT_WORD_PREFIX}, /* ΑΡΜΟΔΙΟΤΗΤ */
    {"\xCE\xBA\xCE\xB1\xCE\xB8\xCE\xAE\xCE\xBA\xCE\xBF\xCE\xBD\xCF\x84",
     IMPORT_WORD_PREFIX}, /* καθήκοντ */
    {"\xCE\xBA\xCE\xB1\xCE\xB8\xCE\xB7\xCE\xBA\xCE\xBF\xCE\xBD\xCF\x84",
     IMPORT_WORD_PREFIX},                                             /* ΚΑΘΗΚΟΝΤ */
    {"\xCE\xB5\xCF\x85\xCE\xB8\xCF\x8D\xCE\xBD", IMPORT_WORD_PREFIX}, /* ευθύν(ες) */
    {"\xCE\xB5\xCF\x85\xCE\xB8\xCF\x85\xCE\xBD", IMPORT_WORD_PREFIX}, /* ΕΥΘΥΝ */
    {"\xCF\x80\xCE\xB5\xCF\x81\xCE\xB9\xCE\xB3\xCF\x81\xCE\xB1\xCF\x86\xCE\xAE \xCE\xB8\xCE\xAD\xCF"
     "\x83",
     IMPORT_WORD_PREFIX}, /* περιγραφή θέσ(ης) */
    /* Arabic, Hebrew, Persian, Hindi, Bengali, Thai, Vietnamese, Indonesian */
    {"مسؤوليات", IMPORT_WORD_PART},
    {"مسئوليات", IMPORT_WORD_PART},
    {"المهام", IMPORT_WORD_WHOLE},
    {"مهام", IMPORT_WORD_WHOLE},
    {"الواجبات", IMPORT_WORD_WHOLE},
    {"الوصف الوظيفي", IMPORT_WORD_WHOLE},
    {"אחריות", IMPORT_WORD_PART},
    {"תיאור התפקיד", IMPORT_WORD_WHOLE},
    {"משימות", IMPORT_WORD_PART},
    {"התפקיד כולל", IMPORT_WORD_WHOLE},
    {"وظایف", IMPORT_WORD_PART},
    {"مسئولیت", IMPORT_WORD_PART},
    {"شرح شغل", IMPORT_WORD_WHOLE},
    {"जिम्मेदार", IMPORT_WORD_PART},
    {"ज\xE0\xA4\xBCिम्मेदार", IMPORT_WORD_PART}, /* ज़िम्मेदार (NFC keeps the nukta apart) */
    {"कर्तव्य", IMPORT_WORD_PART},
    {"भूमिका", IMPORT_WORD_PART},
    {"कार्य विवरण", IMPORT_WORD_WHOLE},
    {"দায\xE0\xA6\xBCিত্ব", IMPORT_WORD_PART}, /* দায়িত্ব */
    {"কাজের বিবরণ", IMPORT_WORD_WHOLE},
    {"หน้าที่", IMPORT_WORD_PART},
    {"ความรับผิดชอบ", IMPORT_WORD_PART},
    {"ลักษณะงาน", IMPORT_WORD_PART},
    {"รายละเอียดงาน", IMPORT_WORD_PART},
    {"m\xC3\xB4 t\xE1\xBA\xA3 c\xC3\xB4ng vi\xE1\xBB\x87\x63",
     IMPORT_WORD_WHOLE},                                     /* mô tả công việc */
    {"tr\xC3\xA1\x63h nhi\xE1\xBB\x87m", IMPORT_WORD_WHOLE}, /* trách nhiệm */
    {"nhi\xE1\xBB\x87m v\xE1\xBB\xA5", IMPORT_WORD_WHOLE},   /* nhiệm vụ */
    {"tanggung jawab", IMPORT_WORD_WHOLE},
    {"deskripsi pekerjaan", IMPORT_WORD_WHOLE},
    {"uraian tugas", IMPORT_WORD_WHOLE},
    {"tugas", IMPORT_WORD_WHOLE},
    /* Chinese, Japanese, Korean */
    {"职责", IMPORT_WORD_PART},
    {"職責", IMPORT_WORD_PART},
    {"职位描述", IMPORT_WORD_PART},
    {"岗位描述", IMPORT_WORD_PART},
    {"工作描述", IMPORT_WORD_PART},
    {"工作内容", IMPORT_WORD_PART},
    {"工作內容", IMPORT_WORD_PART},
    {"職位描述", IMPORT_WORD_PART},
    {"職缺描述", IMPORT_WORD_PART},
    {"職務內容", IMPORT_WORD_PART},
    {"你将负责", IMPORT_WORD_PART},
    {"業務内容", IMPORT_WORD_PART},
    {"仕事内容", IMPORT_WORD_PART},
    {"職務内容", IMPORT_WORD_PART},
    {"職務概要", IMPORT_WORD_PART},
    {"担当業務", IMPORT_WORD_PART},
    {"主な業務", IMPORT_WORD_PART},
    {"お任せしたい", IMPORT_WORD_PART},
    {"담당업무", IMPORT_WORD_PART},
    {"담당 업무", IMPORT_WORD_PART},
    {"주요업무", IMPORT_WORD_PART},
    {"주요 업무", IMPORT_WORD_PART},
    {"업무내용", IMPORT_WORD_PART},
    {"업무 내용", IMPORT_WORD_PART},
    {"수행업무", IMPORT_WORD_PART},
    {"수행 업무", IMPORT_WORD_PART},
    {"직무내용", IMPORT_WORD_PART},
    {"직무 내용", IMPORT_WORD_PART},
    {"직무 소개", IMPORT_WORD_PART},
    {"하게 될 일", IMPORT_WORD_PART},
    {"하는 일", IMPORT_WORD_PART},
};

/* Words anywhere in a heading that name the requirements. */
static const import_word requirement_words[] = {
    /* English */
    {"requirement", IMPORT_WORD_PREFIX},
    {"required", IMPORT_WORD_WHOLE},
    {"qualific", IMPORT_WORD_PREFIX}, /* also qualificações, qualifiche */
    {"prerequisite", IMPORT_WORD_PREFIX},
    {"eligib", IMPORT_WORD_PREFIX},
    {"you bring", IMPORT_WORD_WHOLE}, /* "What we hope you bring" */
    {"you'll bring", IMPORT_WORD_WHOLE},
    {"you will bring", IMPORT_WORD_WHOLE},
    {"what you need", IMPORT_WORD_WHOLE},
    {"what you'll need", IMPORT_WORD_WHOLE},
    {"what you will need", IMPORT_WORD_WHOLE},
    {"you will need", IMPORT_WORD_WHOLE},
    {"you'll need", IMPORT_WORD_WHOLE},
    {"you need", IMPORT_WORD_WHOLE},
    {"you should have", IMPORT_WORD_WHOLE},
    {"you must have", IMPORT_WORD_WHOLE},
    {"you have", IMPORT_WORD_WHOLE},
    {"what it takes", IMPORT_WORD_WHOLE},
    {"what we're looking for", IMPORT_WORD_WHOLE},
    {"what we are looking for", IMPORT_WORD_WHOLE},
    {"what we look for", IMPORT_WORD_WHOLE},
    {"who we're looking for", IMPORT_WORD_WHOLE},
    {"who we are looking for", IMPORT_WORD_WHOLE},
    {"who you are", IMPORT_WORD_WHOLE},
    {"about you", IMPORT_WORD_WHOLE},
    {"this is you", IMPORT_WORD_WHOLE},
    {"is this you", IMPORT_WORD_WHOLE},
    {"who have", IMPORT_WORD_WHOLE},
    {"looking for in", IMPORT_WORD_WHOLE}, /* "The stuff we are looking for in a team mate" */
    {"ideal candidate", IMPORT_WORD_WHOLE},
    {"the ideal", IMPORT_WORD_WHOLE},
    {"skills", IMPORT_WORD_WHOLE},
    {"skill set", IMPORT_WORD_WHOLE},
    {"skillset", IMPORT_WORD_WHOLE},
    {"your profile", IMPORT_WORD_WHOLE},
    {"candidate profile", IMPORT_WORD_WHOLE},
    {"ideal profile", IMPORT_WORD_WHOLE},
    {"your background", IMPORT_WORD_WHOLE},
    {"background includes", IMPORT_WORD_WHOLE},
    {"experience", IMPORT_WORD_WHOLE},
    {"expertise", IMPORT_WORD_WHOLE},
    {"competenc", IMPORT_WORD_PREFIX}, /* also competencias */
    {"qualities", IMPORT_WORD_WHOLE},
    {"must have", IMPORT_WORD_PREFIX},
    {"must-have", IMPORT_WORD_PREFIX},
    {"nice to have", IMPORT_WORD_PREFIX},
    {"nice-to-have", IMPORT_WORD_PREFIX},
    {"bonus points", IMPORT_WORD_WHOLE},
    {"pluses", IMPORT_WORD_WHOLE},
    {"a plus", IMPORT_WORD_WHOLE},
    {"preferred", IMPORT_WORD_WHOLE},
    /* German */
    {"anforderung", IMPORT_WORD_PART}, /* Anforderungen, Anforderungsprofil */
    {"qualifikation", IMPORT_WORD_PART},
    {"voraussetzung", IMPORT_WORD_PART},
    {"profil", IMPORT_WORD_WHOLE}, /* Dein Profil; French, Dutch-less, Slavic, Nordic too */
    {"mitbring", IMPORT_WORD_PART},
    {"bringst du mit", IMPORT_WORD_WHOLE},
    {"bringen sie mit", IMPORT_WORD_WHOLE},
    {"erwarten wir", IMPORT_WORD_WHOLE},
    {"wir erwarten", IMPORT_WORD_WHOLE},
    {"was wir von", IMPORT_WORD_WHOLE},
    {"wen wir suchen", IMPORT_WORD_WHOLE},
    {"wer du bist", IMPORT_WORD_WHOLE},
    {"wer sie sind", IMPORT_WORD_WHOLE},
    {"\xC3\xBC\x62\x65r dich", IMPORT_WORD_WHOLE}, /* über dich */
    {"kenntnisse", IMPORT_WORD_PART},
    {"kompeten", IMPORT_WORD_PREFIX}, /* Kompetenzen; kompetencje; kompetens, kompetencer */
    {"berufserfahrung", IMPORT_WORD_WHOLE},
    /* French */
    {"profil recherch\xC3\xA9", IMPORT_WORD_WHOLE},
    {"comp\xC3\xA9tence", IMPORT_WORD_PREFIX}, /* compétences */
    {"pr\xC3\xA9requis", IMPORT_WORD_WHOLE},   /* prérequis */
    {"exigences", IMPORT_WORD_WHOLE},
    {"ce que vous apporterez", IMPORT_WORD_WHOLE},
    {"ce que nous recherchons", IMPORT_WORD_WHOLE},
    {"qui \xC3\xAAtes-vous", IMPORT_WORD_WHOLE}, /* qui êtes-vous */
    {"qui es-tu", IMPORT_WORD_WHOLE},
    {"savoir-\xC3\xAAtre", IMPORT_WORD_WHOLE},
    {"savoir-faire", IMPORT_WORD_WHOLE},
    {"atout", IMPORT_WORD_PREFIX},
    {"exp\xC3\xA9rience", IMPORT_WORD_WHOLE},
    /* Spanish, Portuguese, Italian */
    {"requisit", IMPORT_WORD_PREFIX}, /* requisitos, requisiti */
    {"perfil", IMPORT_WORD_WHOLE},
    {"qu\xC3\xA9 buscamos", IMPORT_WORD_WHOLE},
    {"lo que buscamos", IMPORT_WORD_WHOLE},
    {"lo que necesitas", IMPORT_WORD_WHOLE},
    {"qu\xC3\xA9 necesitas", IMPORT_WORD_WHOLE},
    {"habilidades", IMPORT_WORD_WHOLE},
    {"conocimientos", IMPORT_WORD_WHOLE},
    {"experiencia", IMPORT_WORD_WHOLE},
    {"se valorar\xC3\xA1", IMPORT_WORD_WHOLE}, /* se valorará */
    {"valorable", IMPORT_WORD_WHOLE},
    {"deseable", IMPORT_WORD_WHOLE},
    {"compet\xC3\xAAncia", IMPORT_WORD_PREFIX}, /* competências */
    {"o que buscamos", IMPORT_WORD_WHOLE},
    {"o que procuramos", IMPORT_WORD_WHOLE},
    {"o que voc\xC3\xAA precisa", IMPORT_WORD_WHOLE},
    {"conhecimentos", IMPORT_WORD_WHOLE},
    {"diferenciais", IMPORT_WORD_WHOLE},
    {"desej\xC3\xA1ve", IMPORT_WORD_PREFIX}, /* desejável, desejáveis */
    {"profilo", IMPORT_WORD_WHOLE},
    {"competenze", IMPORT_WORD_WHOLE},
    {"cosa cerchiamo", IMPORT_WORD_WHOLE},
    {"chi cerchiamo", IMPORT_WORD_WHOLE},
    {"conoscenze", IMPORT_WORD_WHOLE},
    {"esperienza", IMPORT_WORD_WHOLE},
    {"titolo preferenziale", IMPORT_WORD_WHOLE},
    /* Dutch */
    {"functie-eisen", IMPORT_WORD_WHOLE},
    {"eisen", IMPORT_WORD_WHOLE},
    {"vereist", IMPORT_WORD_PREFIX},
    {"kwalific", IMPORT_WORD_PREFIX},
    {"profiel", IMPORT_WORD_WHOLE},
    {"wat vragen wij", IMPORT_WORD_WHOLE},
    {"wat wij vragen", IMPORT_WORD_WHOLE},
    {"wat we vragen", IMPORT_WORD_WHOLE},
    {"wie ben jij", IMPORT_WORD_WHOLE},
    {"wie zoeken we", IMPORT_WORD_WHOLE},
    {"wie zoeken wij", IMPORT_WORD_WHOLE},
    {"wat breng je mee", IMPORT_WORD_WHOLE},
    {"wat neem je mee", IMPORT_WORD_WHOLE},
    {"kennis en ervaring", IMPORT_WORD_WHOLE},
    /* Polish, Czech, Slovak */
    {"wymaga", IMPORT_WORD_PREFIX}, /* wymagania, wymagamy */
    {"oczekujemy", IMPORT_WORD_WHOLE},
    {"oczekiwania", IMPORT_WORD_WHOLE},
    {"kogo szukamy", IMPORT_WORD_WHOLE},
    {"mile widziane", IMPORT_WORD_WHOLE},
    {"kwalifikacj", IMPORT_WORD_PREFIX},
    {"umiej\xC4\x99tno\xC5\x9b\x63i", IMPORT_WORD_WHOLE}, /* umiejętności */
    {"do\xC5\x9bwiadczenie", IMPORT_WORD_WHOLE},          /* doświadczenie */
    {"po\xC5\xBE\x61\x64\x61vk", IMPORT_WORD_PREFIX},     /* požadavky */
    {"po\xC5\xBEiadavk", IMPORT_WORD_PREFIX},             /* požiadavky */
    {"p\xC5\x99\x65\x64poklad", IMPORT_WORD_PREFIX},      /* předpoklady */
    {"predpoklad", IMPORT_WORD_PREFIX},
    {"kvalifik", IMPORT_WORD_PREFIX}, /* kvalifikace; kvalifikationer, kvalifikasjoner */
    {"o\xC4\x8d\x65k\xC3\xA1v\xC3\xA1me", IMPORT_WORD_WHOLE}, /* očekáváme */
    {"o\xC4\x8d\x61k\xC3\xA1vame", IMPORT_WORD_WHOLE},        /* očakávame */
    {"koho hled\xC3\xA1me", IMPORT_WORD_WHOLE},               /* koho hledáme */
    {"koho h\xC4\xBE\x61\x64\xC3\xA1me", IMPORT_WORD_WHOLE},  /* koho hľadáme */
    {"v\xC3\xBDhodou", IMPORT_WORD_WHOLE},                    /* výhodou */
    {"znalosti", IMPORT_WORD_WHOLE},
    {"dovednosti", IMPORT_WORD_WHOLE},
    {"zru\xC4\x8dnosti", IMPORT_WORD_WHOLE}, /* zručnosti */
    /* Swedish, Danish, Norwegian, Finnish */
    {"krav", IMPORT_WORD_WHOLE},
    {"vi s\xC3\xB6ker dig som", IMPORT_WORD_WHOLE}, /* vi söker dig som */
    {"vem \xC3\xA4r du", IMPORT_WORD_WHOLE},        /* vem är du */
    {"vem du \xC3\xA4r", IMPORT_WORD_WHOLE},
    {"meriterande", IMPORT_WORD_WHOLE},
    {"erfarenhet", IMPORT_WORD_WHOLE},
    {"hvem er du", IMPORT_WORD_WHOLE},
    {"vi forventer", IMPORT_WORD_WHOLE},
    {"vi ser etter", IMPORT_WORD_WHOLE},
    {"egenskaper", IMPORT_WORD_WHOLE},
    {"erfaring", IMPORT_WORD_WHOLE},
    {"vaatimu", IMPORT_WORD_PART},             /* vaatimukset, osaamisvaatimukset */
    {"edellyt\xC3\xA4mme", IMPORT_WORD_WHOLE}, /* edellytämme */
    {"odotamme", IMPORT_WORD_WHOLE},
    {"osaami", IMPORT_WORD_PART},
    {"p\xC3\xA4tevyy", IMPORT_WORD_PART}, /* pätevyys */
    {"kelpoisuu", IMPORT_WORD_PART},
    {"profiilisi", IMPORT_WORD_WHOLE},
    {"eduksi", IMPORT_WORD_WHOLE},
    /* Ukrainian, Russian */
    {"\xD0\xB2\xD0\xB8\xD0\xBC\xD0\xBE\xD0\xB3", IMPORT_WORD_PREFIX}, /* вимоги */
    {"\xD0\xBA\xD0\xB2\xD0\xB0\xD0\xBB\xD1\x96\xD1\x84\xD1\x96\xD0\xBA\xD0\xB0\xD1\x86",
     IMPORT_WORD_PREFIX}, /* кваліфікац */
    {"\xD0\xBE\xD1\x87\xD1\x96\xD0\xBA\xD1\x83\xD1\x94\xD0\xBC\xD0\xBE",
     IMPORT_WORD_WHOLE}, /* очікуємо */
    {"\xD0\xBD\xD0\xB0\xD0\xB2\xD0\xB8\xD1\x87\xD0\xBA\xD0\xB8", IMPORT_WORD_WHOLE}, /* навички */
    {"\xD0\xBF\xD0\xB5\xD1\x80\xD0\xB5\xD0\xB2\xD0\xB0\xD0\xB3\xD0\xBE\xD1\x8E",
     IMPORT_WORD_WHOLE}, /* перевагою */
    {"\xD0\xB1\xD1\x83\xD0\xB4\xD0\xB5 \xD0\xBF\xD0\xBB\xD1\x8E\xD1\x81\xD0\xBE\xD0\xBC",
     IMPORT_WORD_WHOLE}, /* буде плюсом */
    {"\xD1\x82\xD1\x80\xD0\xB5\xD0\xB1\xD0\xBE\xD0\xB2\xD0\xB0\xD0\xBD\xD0\xB8",
     IMPORT_WORD_PREFIX}, /* требовани(я) */
    {"\xD0\xBA\xD0\xB2\xD0\xB0\xD0\xBB\xD0\xB8\xD1\x84\xD0\xB8\xD0\xBA\xD0\xB0\xD1\x86",
     IMPORT_WORD_PREFIX}, /* квалификац */
    {"\xD0\xBE\xD0\xB6\xD0\xB8\xD0\xB4\xD0\xB0\xD0\xB5\xD0\xBC", IMPORT_WORD_WHOLE}, /* ожидаем */
    {"\xD0\xBD\xD0\xB0\xD0\xB2\xD1\x8B\xD0\xBA\xD0\xB8", IMPORT_WORD_WHOLE}, /* навыки */
    {"\xD0\xBF\xD0\xBB\xD1\x8E\xD1\x81\xD0\xBE\xD0\xBC", IMPORT_WORD_WHOLE}, /* плюсом */
    {"\xD0\xBF\xD1\x80\xD0\xB5\xD0\xB8\xD0\xBC\xD1\x83\xD1\x89\xD0\xB5\xD1\x81\xD1\x82\xD0\xB2\xD0"
     "\xBE\xD0\xBC",
     IMPORT_WORD_WHOLE},                                     /* преимуществом */
    {"\xD0\xB6\xD0\xB4\xD0\xB5\xD0\xBC", IMPORT_WORD_WHOLE}, /* ждем */
    {"\xD0\xB6\xD0\xB4\xD1\x91\xD0\xBC", IMPORT_WORD_WHOLE}, /* ждём */
    {"\xD0\xBE\xD0\xBF\xD1\x8B\xD1\x82", IMPORT_WORD_WHOLE}, /* опыт */
    {"\xD0\xB4\xD0\xBE\xD1\x81\xD0\xB2\xD1\x96\xD0\xB4", IMPORT_WORD_WHOLE}, /* досвід */
    /* Turkish, Greek */
    {"gereksinim", IMPORT_WORD_PREFIX},
    {"gereklilik", IMPORT_WORD_PREFIX},
    {"nitelik", IMPORT_WORD_PREFIX},
    {"n\xC4\xB1tel\xC4\xB1k", IMPORT_WORD_PREFIX}, /* NİTELİKLER */
    {"beklenti", IMPORT_WORD_PREFIX},
    {"arad\xC4\xB1\xC4\x9f\xC4\xB1m\xC4\xB1z", IMPORT_WORD_WHOLE}, /* aradığımız */
    {"yetkinlik", IMPORT_WORD_PREFIX},
    {"tercih sebebi", IMPORT_WORD_WHOLE},
    {"\xCE\xB1\xCF\x80\xCE\xB1\xCE\xB9\xCF\x84\xCE\xAE\xCF\x83", IMPORT_WORD_PREFIX}, /* απαιτήσ */
    {"\xCE\xB1\xCF\x80\xCE\xB1\xCE\xB9\xCF\x84\xCE\xB7\xCF\x83", IMPORT_WORD_PREFIX}, /* ΑΠΑΙΤΗΣ */
    {"\xCE\xB1\xCF\x80\xCE\xB1\xCE\xB9\xCF\x84\xCE\xBF\xCF\x8D\xCE\xBC\xCE\xB5\xCE\xBD",
     IMPORT_WORD_PREFIX}, /* απαιτούμεν */
    {"\xCF\x80\xCF\x81\xCE\xBF\xCF\x83\xCF\x8C\xCE\xBD\xCF\x84", IMPORT_WORD_PREFIX}, /* προσόντ */
    {"\xCF\x80\xCF\x81\xCE\xBF\xCF\x83\xCE\xBF\xCE\xBD\xCF\x84", IMPORT_WORD_PREFIX}, /* ΠΡΟΣΟΝΤ */
    {"\xCE\xB4\xCE\xB5\xCE\xBE\xCE\xB9\xCF\x8C\xCF\x84\xCE\xB7\xCF\x84",
     IMPORT_WORD_PREFIX}, /* δεξιότητ */
    {"\xCE\xB5\xCF\x80\xCE\xB9\xCE\xB8\xCF\x85\xCE\xBC\xCE\xB7\xCF\x84",
     IMPORT_WORD_PREFIX},                                                     /* επιθυμητ */
    {"\xCF\x80\xCF\x81\xCE\xBF\xCF\x86\xCE\xAF\xCE\xBB", IMPORT_WORD_PREFIX}, /* προφίλ */
    /* Arabic, Hebrew, Persian, Hindi, Bengali, Thai, Vietnamese, Indonesian */
    {"متطلبات", IMPORT_WORD_PART},
    {"مؤهلات", IMPORT_WORD_PART},
    {"المؤهلات", IMPORT_WORD_PART},
    {"مهارات", IMPORT_WORD_PART},
    {"الشروط المطلوبة", IMPORT_WORD_WHOLE},
    {"דרישות", IMPORT_WORD_PART},
    {"כישורים", IMPORT_WORD_PART},
    {"יתרון", IMPORT_WORD_PART},
    {"מה אנחנו מחפשים", IMPORT_WORD_WHOLE},
    {"את מי אנחנו מחפשים", IMPORT_WORD_WHOLE},
    {"شرایط احراز", IMPORT_WORD_WHOLE},
    {"الزامات", IMPORT_WORD_WHOLE},
    {"مهارت", IMPORT_WORD_PART},
    {"نیازمندی", IMPORT_WORD_PART},
    {"صلاحیت", IMPORT_WORD_PART},
    {"योग्यता", IMPORT_WORD_PART},
    {"आवश्यकता", IMPORT_WORD_PART},
    {"कौशल", IMPORT_WORD_PART},
    {"पात्रता", IMPORT_WORD_PART},
    {"যোগ্যতা", IMPORT_WORD_PART},
    {"প্রয\xE0\xA6\xBCোজনীয\xE0\xA6\xBCতা", IMPORT_WORD_PART}, /* প্রয়োজনীয়তা */
    {"দক্ষতা", IMPORT_WORD_PART},
    {"คุณสมบัติ", IMPORT_WORD_PART},
    {"ทักษะ", IMPORT_WORD_PART},
    {"y\xC3\xAAu c\xE1\xBA\xA7u", IMPORT_WORD_WHOLE},    /* yêu cầu */
    {"k\xE1\xBB\xB9 n\xC4\x83ng", IMPORT_WORD_WHOLE},    /* kỹ năng */
    {"ti\xC3\xAAu chu\xE1\xBA\xA9n", IMPORT_WORD_WHOLE}, /* tiêu chuẩn */
    {"persyarat", IMPORT_WORD_PREFIX},
    {"kualifik", IMPORT_WORD_PREFIX},
    {"syarat", IMPORT_WORD_WHOLE},
    {"keahlian", IMPORT_WORD_WHOLE},
    /* Chinese, Japanese, Korean */
    {"要求", IMPORT_WORD_PART}, /* 任职要求, 岗位要求, 职位要求 */
    {"任职资格", IMPORT_WORD_PART},
    {"任職資格", IMPORT_WORD_PART},
    {"应聘条件", IMPORT_WORD_PART},
    {"應徵條件", IMPORT_WORD_PART},
    {"申请条件", IMPORT_WORD_PART},
    {"资格", IMPORT_WORD_PART},
    {"資格", IMPORT_WORD_PART}, /* 応募資格, 應徵資格 */
    {"加分", IMPORT_WORD_PART},
    {"我们希望你", IMPORT_WORD_PART},
    {"必須", IMPORT_WORD_PART},
    {"歓迎スキル", IMPORT_WORD_PART},
    {"歓迎要件", IMPORT_WORD_PART},
    {"歓迎条件", IMPORT_WORD_PART},
    {"求める", IMPORT_WORD_PART},
    {"応募条件", IMPORT_WORD_PART},
    {"必要なスキル", IMPORT_WORD_PART},
    {"必要な経験", IMPORT_WORD_PART},
    {"対象となる方", IMPORT_WORD_PART},
    {"자격", IMPORT_WORD_PART}, /* 자격요건, 지원자격 */
    {"우대", IMPORT_WORD_PART}, /* 우대사항 */
    {"필수 요건", IMPORT_WORD_PART},
    {"필수요건", IMPORT_WORD_PART},
    {"이런 분", IMPORT_WORD_PART},
};

/* A heading that ends with one of these names the duties ("As an
 * engineer, you will") or the requirements ("You are", "You know"); inside
 * a heading they say too little ("What you will get"). */
static const import_word duty_ends[] = {
    {"you will", IMPORT_WORD_WHOLE},
    {"you'll", IMPORT_WORD_WHOLE},
    {"the role", IMPORT_WORD_WHOLE},
    {"your role", IMPORT_WORD_WHOLE},
    {"this role", IMPORT_WORD_WHOLE},
    {"du wirst", IMPORT_WORD_WHOLE},
    {"vous allez", IMPORT_WORD_WHOLE},
    {"tu vas", IMPORT_WORD_WHOLE},
    {"missions", IMPORT_WORD_WHOLE},
    {"taken", IMPORT_WORD_WHOLE},
    {"opgaver", IMPORT_WORD_WHOLE},
    {"oppgaver", IMPORT_WORD_WHOLE},
    {"uppgifter", IMPORT_WORD_WHOLE},
    /* "Job description", but not "You can find the complete job description here" */
    {"job description", IMPORT_WORD_WHOLE},
    {"position description", IMPORT_WORD_WHOLE},
};
static const import_word requirement_ends[] = {
    {"you are", IMPORT_WORD_WHOLE},  {"you're", IMPORT_WORD_WHOLE},
    {"you know", IMPORT_WORD_WHOLE}, {"du bist", IMPORT_WORD_WHOLE},
    {"du hast", IMPORT_WORD_WHOLE},  {"vous \xC3\xAAtes", IMPORT_WORD_WHOLE},
    {"tu es", IMPORT_WORD_WHOLE},    {"toolbox", IMPORT_WORD_WHOLE},
};

/* Longer headings are sentences or titles, not the name of a part. */
#define ROLE_HEADING_MAX 100
#define ROLE_HEADING_WORDS 12

/* A symbol, emoji or mark a heading may carry for show ("🚀 Your role",
 * "**Tasks**"), which matching passes over. */
static bool decoration(uint32_t cp)
{
	return cp == '*' || cp == '#' || cp == '_' || cp == '|' || cp == '>' ||
	       (cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0x1F000 && cp <= 0x1FAFF) || cp == 0xFE0F ||
	       cp == 0x200D || cp == 0x2022 || cp == 0x25AA;
}

/* Punctuation, digits and blanks around a heading's words ("1. ", "】",
 * "：", "…"). */
static bool edge(uint32_t cp)
{
	return cp < 0x80 ? !((cp | 32) >= 'a' && (cp | 32) <= 'z')
	                 : (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x3000 && cp <= 0x303F) ||
	                       (cp >= 0xFF00 && cp <= 0xFF20) || cp == 0xA0 || cp == 0xAB ||
	                       cp == 0xBB || cp == 0xB7;
}

/* Whether t[0..n), trimmed, ends with one of the words of list at a word
 * start. Folding keeps the byte length of the letters it changes. */
static bool ends_with(const char *t, size_t n, const import_word *list, size_t count)
{
	for (size_t k = 0; k < count; k++) {
		size_t l = strlen(list[k].w);
		if (l <= n && import_word_boundary(t, n, n - l) &&
		    import_words_is(t + n - l, l, &list[k], 1))
			return true;
	}
	return false;
}

/* Copies h[0..n) into out (cap bytes) as matching wants it: decoration
 * dropped, curly apostrophes straight, blanks single, punctuation and
 * digits trimmed from both ends. Returns the length; (size_t)-1 when it
 * does not fit or reads as a sentence. */
static size_t heading_text(const char *h, size_t n, char *out, size_t cap)
{
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += jk_utf8_decode(h + i, n - i, &cp);
		if (decoration(cp))
			continue;
		if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x60 || cp == 0xB4)
			cp = '\'';
		if (cp == ' ' || cp == 0xA0 || cp == 0x3000) {
			if (!k || out[k - 1] == ' ')
				continue;
			cp = ' ';
		}
		char tmp[4];
		size_t l = jk_utf8_encode(cp, tmp);
		if (k + l >= cap)
			return (size_t)-1;
		memcpy(out + k, tmp, l);
		k += l;
	}
	bool stop = k >= 2 && out[k - 1] == '.' && out[k - 2] != '.';
	size_t a = 0, b = k;
	while (b > a) {
		size_t s = b - 1;
		while (s > a && ((unsigned char)out[s] & 0xC0) == 0x80)
			s--;
		uint32_t cp;
		jk_utf8_decode(out + s, b - s, &cp);
		if (!edge(cp))
			break;
		b = s;
	}
	while (a < b) {
		uint32_t cp;
		size_t d = jk_utf8_decode(out + a, b - a, &cp);
		if (!edge(cp))
			break;
		a += d;
	}
	memmove(out, out + a, b - a);
	k = b - a;
	out[k] = '\0';
	/* A sentence inside ("We build robots. Join us") or a full stop that
	 * ends a long one is no heading; "About you…" and "Qualifications." are. */
	size_t words = 1;
	for (size_t i = 0; i < k; i++) {
		words += out[i] == ' ';
		size_t e = import_sentence_end(out, k, i);
		if (e && i + e < k)
			return (size_t)-1;
	}
	return words > ROLE_HEADING_WORDS || (stop && words > 3) ? (size_t)-1 : k;
}

posting_role import_heading_role(const char *h, size_t n)
{
	char t[ROLE_HEADING_MAX * 2];
	if (!n || n > sizeof t)
		return POSTING_ROLE_NONE;
	size_t k = heading_text(h, n, t, sizeof t);
	if (!k || k == (size_t)-1 || k > ROLE_HEADING_MAX)
		return POSTING_ROLE_NONE;
	if (import_words_has(t, k, duty_words, JK_ARRAY_LEN(duty_words)))
		return POSTING_ROLE_DUTIES;
	if (import_words_has(t, k, requirement_words, JK_ARRAY_LEN(requirement_words)))
		return POSTING_ROLE_REQUIREMENTS;
	/* "What you bring to the role": a word inside beats an ending. */
	if (ends_with(t, k, duty_ends, JK_ARRAY_LEN(duty_ends)))
		return POSTING_ROLE_DUTIES;
	if (ends_with(t, k, requirement_ends, JK_ARRAY_LEN(requirement_ends)))
		return POSTING_ROLE_REQUIREMENTS;
	return POSTING_ROLE_NONE;
}
