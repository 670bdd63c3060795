/* boiler.c — layer 0c: boilerplate, the notices postings carry that a
 * passer-by does not read: equal-opportunity statements, accommodation
 * requests, privacy notices, anti-fraud warnings, E-Verify, at-will and
 * pay-transparency notices, agencies turned away, in the languages of the
 * kiosk's words. Whole blocks and whole sections only, never words cut out
 * of a sentence: a block is marked when most of it is sentences of a
 * notice, a section when its heading names one. Marked blocks are kept
 * (--dump shows the mark); layout may leave them out. */
#include "support.h"

#include <string.h>

/* A sentence with one of these is part of a notice; a heading with one names a notice. */
static const import_word notice_words[] = {
    /* English: equal opportunity and the laws named with it */
    {"equal opportunity employer", IMPORT_WORD_WHOLE},
    {"equal opportunity employment", IMPORT_WORD_WHOLE},
    {"equal employment opportunity", IMPORT_WORD_WHOLE},
    {"an equal opportunity", IMPORT_WORD_WHOLE},
    {"eoe", IMPORT_WORD_WHOLE},
    {"eeo", IMPORT_WORD_WHOLE},
    {"eeoc", IMPORT_WORD_WHOLE},
    {"ofccp", IMPORT_WORD_WHOLE},
    {"vevraa", IMPORT_WORD_WHOLE},
    {"affirmative action employer", IMPORT_WORD_WHOLE},
    {"minorities/females", IMPORT_WORD_PREFIX},
    {"without regard to race", IMPORT_WORD_WHOLE},
    {"without regard to their race", IMPORT_WORD_WHOLE},
    {"without regard to age", IMPORT_WORD_WHOLE},
    {"without regard to sex", IMPORT_WORD_WHOLE},
    {"without regard to gender", IMPORT_WORD_WHOLE},
    {"without regard to religion", IMPORT_WORD_WHOLE},
    {"without regard to any", IMPORT_WORD_WHOLE},
    {"regardless of race", IMPORT_WORD_WHOLE},
    {"regardless of their race", IMPORT_WORD_WHOLE},
    {"regardless of age", IMPORT_WORD_WHOLE},
    {"regardless of gender", IMPORT_WORD_WHOLE},
    {"regardless of sex", IMPORT_WORD_WHOLE},
    {"regardless of religion", IMPORT_WORD_WHOLE},
    {"on the basis of race", IMPORT_WORD_WHOLE},
    {"because of race", IMPORT_WORD_WHOLE},
    {"does not discriminate", IMPORT_WORD_WHOLE},
    {"do not discriminate", IMPORT_WORD_WHOLE},
    {"protected veteran", IMPORT_WORD_PREFIX},
    {"protected by federal", IMPORT_WORD_WHOLE},
    {"protected by applicable", IMPORT_WORD_WHOLE},
    {"protected by law", IMPORT_WORD_WHOLE},
    {"know your rights", IMPORT_WORD_WHOLE},
    {"pay transparency", IMPORT_WORD_WHOLE},
    {"fair chance ordinance", IMPORT_WORD_WHOLE},
    {"fair chance act", IMPORT_WORD_WHOLE},
    {"qualified applicants with arrest", IMPORT_WORD_WHOLE},
    {"qualified applicants with criminal", IMPORT_WORD_WHOLE},
    {"arrest and conviction records", IMPORT_WORD_WHOLE},
    /* accommodation */
    {"reasonable accommodation", IMPORT_WORD_PREFIX},
    {"request an accommodation", IMPORT_WORD_WHOLE},
    {"request accommodation", IMPORT_WORD_PREFIX},
    {"need an accommodation", IMPORT_WORD_WHOLE},
    {"require an accommodation", IMPORT_WORD_WHOLE},
    {"require accommodation", IMPORT_WORD_PREFIX},
    {"disability accommodation", IMPORT_WORD_PREFIX},
    {"applicants with disabilities", IMPORT_WORD_WHOLE},
    {"individuals with disabilities", IMPORT_WORD_WHOLE},
    {"candidates with disabilities", IMPORT_WORD_WHOLE},
    /* E-Verify, at-will employment */
    {"e-verify", IMPORT_WORD_WHOLE},
    {"everify", IMPORT_WORD_WHOLE},
    {"at-will employer", IMPORT_WORD_WHOLE},
    {"at-will employment", IMPORT_WORD_WHOLE},
    /* privacy notices that speak to the applicant */
    {"applicant privacy", IMPORT_WORD_WHOLE},
    {"candidate privacy", IMPORT_WORD_WHOLE},
    {"recruitment privacy", IMPORT_WORD_WHOLE},
    {"your personal data", IMPORT_WORD_WHOLE},
    {"your personal information", IMPORT_WORD_WHOLE},
    {"your personal details", IMPORT_WORD_WHOLE},
    {"how we handle your", IMPORT_WORD_WHOLE},
    {"how we use your", IMPORT_WORD_WHOLE},
    {"how we collect", IMPORT_WORD_WHOLE},
    {"2016/679", IMPORT_WORD_WHOLE},
    {"679/2016", IMPORT_WORD_WHOLE},
    /* anti-fraud warnings */
    {"recruitment fraud", IMPORT_WORD_WHOLE},
    {"recruiting fraud", IMPORT_WORD_WHOLE},
    {"recruitment scam", IMPORT_WORD_PREFIX},
    {"recruiting scam", IMPORT_WORD_PREFIX},
    {"job scam", IMPORT_WORD_PREFIX},
    {"employment scam", IMPORT_WORD_PREFIX},
    {"hiring scam", IMPORT_WORD_PREFIX},
    {"fraudulent job", IMPORT_WORD_WHOLE},
    {"fraudulent offer", IMPORT_WORD_PREFIX},
    {"fraudulent recruit", IMPORT_WORD_PREFIX},
    {"fraudulent email", IMPORT_WORD_PREFIX},
    {"fraudulently represent", IMPORT_WORD_PREFIX},
    {"fraudulently posing", IMPORT_WORD_WHOLE},
    {"never ask for payment", IMPORT_WORD_WHOLE},
    {"never ask you for payment", IMPORT_WORD_WHOLE},
    {"never ask for money", IMPORT_WORD_WHOLE},
    {"never ask you for money", IMPORT_WORD_WHOLE},
    {"never ask you to pay", IMPORT_WORD_WHOLE},
    {"never ask for financial", IMPORT_WORD_WHOLE},
    {"never ask candidates", IMPORT_WORD_WHOLE},
    {"never request payment", IMPORT_WORD_WHOLE},
    {"never request money", IMPORT_WORD_WHOLE},
    {"never charge", IMPORT_WORD_WHOLE},
    {"protect yourself from", IMPORT_WORD_WHOLE},
    /* agencies */
    {"do not wish to be contacted", IMPORT_WORD_WHOLE},
    {"no agencies", IMPORT_WORD_WHOLE},
    {"unsolicited resumes", IMPORT_WORD_WHOLE},
    {"unsolicited r\xC3\xA9sum\xC3\xA9s", IMPORT_WORD_WHOLE}, /* unsolicited résumés */
    {"unsolicited applications", IMPORT_WORD_WHOLE},
    {"not accept unsolicited", IMPORT_WORD_WHOLE},
    {"agencies need not", IMPORT_WORD_WHOLE},
    {"no recruiters", IMPORT_WORD_WHOLE},
    /* German */
    {"bei gleicher eignung", IMPORT_WORD_WHOLE},
    {"unabh\xC3\xA4ngig von geschlecht", IMPORT_WORD_WHOLE}, /* unabhängig von geschlecht */
    {"unabh\xC3\xA4ngig vom geschlecht", IMPORT_WORD_WHOLE}, /* unabhängig vom geschlecht */
    {"unabh\xC3\xA4ngig von alter", IMPORT_WORD_WHOLE},      /* unabhängig von alter */
    {"unabh\xC3\xA4ngig von herkunft", IMPORT_WORD_WHOLE},   /* unabhängig von herkunft */
    {"unabh\xC3\xA4ngig von ihrem geschlecht",
     IMPORT_WORD_WHOLE}, /* unabhängig von ihrem geschlecht */
    {"unabh\xC3\xA4ngig von ihrer herkunft", IMPORT_WORD_WHOLE}, /* unabhängig von ihrer herkunft */
    {"unabh\xC3\xA4ngig von nationalit\xC3\xA4t",
     IMPORT_WORD_WHOLE},                                     /* unabhängig von nationalität */
    {"unabh\xC3\xA4ngig von ethnischer", IMPORT_WORD_WHOLE}, /* unabhängig von ethnischer */
    {"bewerbungen von frauen", IMPORT_WORD_WHOLE},
    {"allgemeinen gleichbehandlungsgesetz", IMPORT_WORD_WHOLE},
    {"gleichbehandlungsgesetz", IMPORT_WORD_WHOLE},
    {"schwerbehinderte menschen werden", IMPORT_WORD_WHOLE},
    /* French */
    {"\xC3\xA9galit\xC3\xA9 des chances", IMPORT_WORD_WHOLE},         /* égalité des chances */
    {"\xC3\xA0 comp\xC3\xA9tences \xC3\xA9gales", IMPORT_WORD_WHOLE}, /* à compétences égales */
    {"ouvert aux personnes en situation de handicap", IMPORT_WORD_WHOLE},
    {"offres frauduleuses", IMPORT_WORD_WHOLE},
    {"ne vous demandera jamais", IMPORT_WORD_WHOLE},
    {"tentatives de fraude", IMPORT_WORD_WHOLE},
    {"vos donn\xC3\xA9"
     "es personnelles",
     IMPORT_WORD_WHOLE}, /* vos données personnelles */
    /* Spanish */
    {"igualdad de oportunidades en el empleo", IMPORT_WORD_WHOLE},
    {"empleador que ofrece igualdad", IMPORT_WORD_WHOLE},
    {"sus datos personales", IMPORT_WORD_WHOLE},
    {"tus datos personales", IMPORT_WORD_WHOLE},
    {"ofertas de empleo fraudulentas", IMPORT_WORD_WHOLE},
    {"nunca te pedir\xC3\xA1", IMPORT_WORD_WHOLE},  /* nunca te pedirá */
    {"nunca le pedir\xC3\xA1", IMPORT_WORD_WHOLE},  /* nunca le pedirá */
    {"nunca solicitar\xC3\xA1", IMPORT_WORD_WHOLE}, /* nunca solicitará */
    /* Portuguese */
    {"seus dados pessoais", IMPORT_WORD_WHOLE},
    {"ofertas de emprego falsas", IMPORT_WORD_WHOLE},
    {"nunca solicita", IMPORT_WORD_WHOLE},
    {"nunca solicitamos", IMPORT_WORD_WHOLE},
    {"nunca pedir\xC3\xA1", IMPORT_WORD_WHOLE}, /* nunca pedirá */
    /* Italian */
    {"rivolto ad entrambi i sessi", IMPORT_WORD_WHOLE},
    {"rivolta ad entrambi i sessi", IMPORT_WORD_WHOLE},
    {"entrambi i sessi", IMPORT_WORD_WHOLE},
    {"903/77", IMPORT_WORD_WHOLE},
    {"198/2006", IMPORT_WORD_WHOLE},
    {"autorizzo il trattamento", IMPORT_WORD_WHOLE},
    {"i tuoi dati personali", IMPORT_WORD_WHOLE},
    /* Dutch */
    {"acquisitie naar aanleiding van", IMPORT_WORD_WHOLE},
    {"acquisitie wordt niet op prijs", IMPORT_WORD_WHOLE},
    {"acquisitie n.a.v.", IMPORT_WORD_WHOLE},
    {"uw persoonsgegevens", IMPORT_WORD_WHOLE},
    {"je persoonsgegevens", IMPORT_WORD_WHOLE},
    /* Polish */
    {"wyra\xC5\xBC"
     "am zgod\xC4\x99 na przetwarzanie",
     IMPORT_WORD_WHOLE}, /* wyrażam zgodę na przetwarzanie */
    {"klauzula informacyjna", IMPORT_WORD_WHOLE},
    /* Turkish */
    {"kvkk", IMPORT_WORD_WHOLE},
    {"ayd\xC4\xB1nlatma metni", IMPORT_WORD_WHOLE}, /* aydınlatma metni */
    /* Russian, Ukrainian */
    {"\xD1\x81\xD0\xBE\xD0\xB3\xD0\xBB\xD0\xB0\xD1\x81\xD0\xB8\xD0\xB5 \xD0\xBD\xD0\xB0 "
     "\xD0\xBE\xD0\xB1\xD1\x80\xD0\xB0\xD0\xB1\xD0\xBE\xD1\x82\xD0\xBA\xD1\x83",
     IMPORT_WORD_WHOLE}, /* согласие на обработку */
    {"\xD0\xB7\xD0\xB3\xD0\xBE\xD0\xB4\xD1\x83 \xD0\xBD\xD0\xB0 "
     "\xD0\xBE\xD0\xB1\xD1\x80\xD0\xBE\xD0\xB1\xD0\xBA\xD1\x83",
     IMPORT_WORD_WHOLE}, /* згоду на обробку */
    /* Indonesian */
    {"tidak dipungut biaya", IMPORT_WORD_WHOLE},
    /* Chinese, Japanese, Korean */
    {"\xE5\xB9\xB3\xE7\xAD\x89\xE5\xB0\xB1\xE4\xB8\x9A\xE6\x9C\xBA\xE4\xBC\x9A",
     IMPORT_WORD_PART}, /* 平等就业机会 */
    {"\xE5\xB9\xB3\xE7\xAD\x89\xE5\xB0\xB1\xE6\xA5\xAD\xE6\xA9\x9F\xE6\x9C\x83",
     IMPORT_WORD_PART},                                                     /* 平等就業機會 */
    {"\xE6\x8B\x9B\xE8\x81\x98\xE8\xAF\x88\xE9\xAA\x97", IMPORT_WORD_PART}, /* 招聘诈骗 */
    {"\xE6\xB1\x82\xE8\x81\x8C\xE8\xAF\x88\xE9\xAA\x97", IMPORT_WORD_PART}, /* 求职诈骗 */
    {"\xE6\xB1\x82\xE8\x81\xB7\xE8\xA9\x90\xE9\xA8\x99", IMPORT_WORD_PART}, /* 求職詐騙 */
    {"\xE6\x8B\x9B\xE8\x81\x98\xE8\xA9\x90\xE9\xA8\x99", IMPORT_WORD_PART}, /* 招聘詐騙 */
    {"\xE4\xB8\x8D\xE6\x94\xB6\xE5\x8F\x96\xE4\xBB\xBB\xE4\xBD\x95\xE8\xB4\xB9\xE7\x94\xA8",
     IMPORT_WORD_PART}, /* 不收取任何费用 */
    {"\xE4\xB8\x8D\xE6\x94\xB6\xE5\x8F\x96\xE4\xBB\xBB\xE4\xBD\x95\xE8\xB2\xBB\xE7\x94\xA8",
     IMPORT_WORD_PART}, /* 不收取任何費用 */
    {"\xE8\xB0\xA8\xE9\x98\xB2\xE8\xAF\x88\xE9\xAA\x97", IMPORT_WORD_PART}, /* 谨防诈骗 */
    {"\xE9\x9B\x87\xE7\x94\xA8\xE6\xA9\x9F\xE4\xBC\x9A\xE5\x9D\x87\xE7\xAD\x89",
     IMPORT_WORD_PART}, /* 雇用機会均等 */
    {"\xEB\xB3\xB4\xED\x9B\x88\xEB\x8C\x80\xEC\x83\x81\xEC\x9E\x90",
     IMPORT_WORD_PART}, /* 보훈대상자 */
    {"\xEC\xB7\xA8\xEC\x97\x85\xEB\xB3\xB4\xED\x98\xB8\xEB\x8C\x80\xEC\x83\x81\xEC\x9E\x90",
     IMPORT_WORD_PART}, /* 취업보호대상자 */
};

/* Privacy notices: these make a sentence a notice only beside a word of hiring (cue_words), as
 * "privacy policy" in "you will maintain our privacy policy" is a task; a heading with one names a
 * notice. */
static const import_word privacy_words[] = {
    {"privacy notice", IMPORT_WORD_WHOLE},
    {"privacy policy", IMPORT_WORD_WHOLE},
    {"privacy statement", IMPORT_WORD_WHOLE},
    {"personal data", IMPORT_WORD_WHOLE},
    {"personal information", IMPORT_WORD_WHOLE},
    {"data protection", IMPORT_WORD_WHOLE},
    {"datenschutz", IMPORT_WORD_PREFIX},
    {"personenbezogen", IMPORT_WORD_PREFIX},
    {"donn\xC3\xA9"
     "es personnelles",
     IMPORT_WORD_WHOLE},                                        /* données personnelles */
    {"politique de confidentialit\xC3\xA9", IMPORT_WORD_WHOLE}, /* politique de confidentialité */
    {"rgpd", IMPORT_WORD_WHOLE},
    {"datos personales", IMPORT_WORD_WHOLE},
    {"pol\xC3\xADtica de privacidad", IMPORT_WORD_WHOLE}, /* política de privacidad */
    {"aviso de privacidad", IMPORT_WORD_WHOLE},
    {"dados pessoais", IMPORT_WORD_WHOLE},
    {"pol\xC3\xADtica de privacidade", IMPORT_WORD_WHOLE}, /* política de privacidade */
    {"lgpd", IMPORT_WORD_WHOLE},
    {"dati personali", IMPORT_WORD_WHOLE},
    {"informativa privacy", IMPORT_WORD_WHOLE},
    {"informativa sulla privacy", IMPORT_WORD_WHOLE},
    {"gdpr", IMPORT_WORD_WHOLE},
    {"persoonsgegevens", IMPORT_WORD_WHOLE},
    {"privacyverklaring", IMPORT_WORD_WHOLE},
    {"privacybeleid", IMPORT_WORD_WHOLE},
    {"danych osobowych", IMPORT_WORD_WHOLE},
    {"rodo", IMPORT_WORD_WHOLE},
    {"ki\xC5\x9Fisel veri", IMPORT_WORD_PREFIX}, /* kişisel veri */
    {"\xD0\xBF\xD0\xB5\xD1\x80\xD1\x81\xD0\xBE\xD0\xBD\xD0\xB0\xD0\xBB\xD1\x8C\xD0\xBD\xD1\x8B\xD1"
     "\x85 \xD0\xB4\xD0\xB0\xD0\xBD\xD0\xBD\xD1\x8B\xD1\x85",
     IMPORT_WORD_WHOLE}, /* персональных данных */
    {"\xD0\xBF\xD0\xB5\xD1\x80\xD1\x81\xD0\xBE\xD0\xBD\xD0\xB0\xD0\xBB\xD1\x8C\xD0\xBD\xD1\x8B\xD0"
     "\xB5 \xD0\xB4\xD0\xB0\xD0\xBD\xD0\xBD\xD1\x8B\xD0\xB5",
     IMPORT_WORD_WHOLE}, /* персональные данные */
    {"\xD0\xBF\xD0\xBE\xD0\xBB\xD0\xB8\xD1\x82\xD0\xB8\xD0\xBA\xD0\xB0 "
     "\xD0\xBA\xD0\xBE\xD0\xBD\xD1\x84\xD0\xB8\xD0\xB4\xD0\xB5\xD0\xBD\xD1\x86\xD0\xB8\xD0\xB0\xD0"
     "\xBB\xD1\x8C\xD0\xBD\xD0\xBE\xD1\x81\xD1\x82\xD0\xB8",
     IMPORT_WORD_WHOLE}, /* политика конфиденциальности */
    {"\xD0\xBF\xD0\xB5\xD1\x80\xD1\x81\xD0\xBE\xD0\xBD\xD0\xB0\xD0\xBB\xD1\x8C\xD0\xBD\xD0\xB8\xD1"
     "\x85 \xD0\xB4\xD0\xB0\xD0\xBD\xD0\xB8\xD1\x85",
     IMPORT_WORD_WHOLE}, /* персональних даних */
    {"\xD0\xBF\xD0\xB5\xD1\x80\xD1\x81\xD0\xBE\xD0\xBD\xD0\xB0\xD0\xBB\xD1\x8C\xD0\xBD\xD1\x96 "
     "\xD0\xB4\xD0\xB0\xD0\xBD\xD1\x96",
     IMPORT_WORD_WHOLE}, /* персональні дані */
    {"\xD0\xBF\xD0\xBE\xD0\xBB\xD1\x96\xD1\x82\xD0\xB8\xD0\xBA\xD0\xB0 "
     "\xD0\xBA\xD0\xBE\xD0\xBD\xD1\x84\xD1\x96\xD0\xB4\xD0\xB5\xD0\xBD\xD1\x86\xD1\x96\xD0\xB9\xD0"
     "\xBD\xD0\xBE\xD1\x81\xD1\x82\xD1\x96",
     IMPORT_WORD_WHOLE}, /* політика конфіденційності */
    {"\xCF\x80\xCF\x81\xCE\xBF\xCF\x83\xCF\x89\xCF\x80\xCE\xB9\xCE\xBA\xCE\xAC "
     "\xCE\xB4\xCE\xB5\xCE\xB4\xCE\xBF\xCE\xBC\xCE\xAD\xCE\xBD\xCE\xB1",
     IMPORT_WORD_WHOLE}, /* προσωπικά δεδομένα */
    {"\xCF\x80\xCF\x81\xCE\xBF\xCF\x83\xCF\x89\xCF\x80\xCE\xB9\xCE\xBA\xCF\x8E\xCE\xBD "
     "\xCE\xB4\xCE\xB5\xCE\xB4\xCE\xBF\xCE\xBC\xCE\xAD\xCE\xBD\xCF\x89\xCE\xBD",
     IMPORT_WORD_WHOLE}, /* προσωπικών δεδομένων */
    {"\xCF\x80\xCE\xBF\xCE\xBB\xCE\xB9\xCF\x84\xCE\xB9\xCE\xBA\xCE\xAE "
     "\xCE\xB1\xCF\x80\xCE\xBF\xCF\x81\xCF\x81\xCE\xAE\xCF\x84\xCE\xBF\xCF\x85",
     IMPORT_WORD_WHOLE}, /* πολιτική απορρήτου */
    {"\xD8\xB3\xD9\x8A\xD8\xA7\xD8\xB3\xD8\xA9 "
     "\xD8\xA7\xD9\x84\xD8\xAE\xD8\xB5\xD9\x88\xD8\xB5\xD9\x8A\xD8\xA9",
     IMPORT_WORD_PART}, /* سياسة الخصوصية */
    {"\xD8\xA7\xD9\x84\xD8\xA8\xD9\x8A\xD8\xA7\xD9\x86\xD8\xA7\xD8\xAA "
     "\xD8\xA7\xD9\x84\xD8\xB4\xD8\xAE\xD8\xB5\xD9\x8A\xD8\xA9",
     IMPORT_WORD_PART}, /* البيانات الشخصية */
    {"\xD7\x9E\xD7\x93\xD7\x99\xD7\xA0\xD7\x99\xD7\x95\xD7\xAA "
     "\xD7\xA4\xD7\xA8\xD7\x98\xD7\x99\xD7\x95\xD7\xAA",
     IMPORT_WORD_PART}, /* מדיניות פרטיות */
    {"\xD7\x9E\xD7\x93\xD7\x99\xD7\xA0\xD7\x99\xD7\x95\xD7\xAA "
     "\xD7\x94\xD7\xA4\xD7\xA8\xD7\x98\xD7\x99\xD7\x95\xD7\xAA",
     IMPORT_WORD_PART}, /* מדיניות הפרטיות */
    {"\xD8\xAD\xD8\xB1\xDB\x8C\xD9\x85 \xD8\xAE\xD8\xB5\xD9\x88\xD8\xB5\xDB\x8C",
     IMPORT_WORD_PART}, /* حریم خصوصی */
    {"\xE0\xA4\x97\xE0\xA5\x8B\xE0\xA4\xAA\xE0\xA4\xA8\xE0\xA5\x80\xE0\xA4\xAF\xE0\xA4\xA4\xE0\xA4"
     "\xBE \xE0\xA4\xA8\xE0\xA5\x80\xE0\xA4\xA4\xE0\xA4\xBF",
     IMPORT_WORD_WHOLE}, /* गोपनीयता नीति */
    {"\xE0\xA6\x97\xE0\xA7\x8B\xE0\xA6\xAA\xE0\xA6\xA8\xE0\xA7\x80\xE0\xA6\xAF\xE0\xA6\xBC\xE0\xA6"
     "\xA4\xE0\xA6\xBE \xE0\xA6\xA8\xE0\xA7\x80\xE0\xA6\xA4\xE0\xA6\xBF",
     IMPORT_WORD_WHOLE}, /* গোপনীয়তা নীতি */
    {"\xE0\xB8\x82\xE0\xB9\x89\xE0\xB8\xAD\xE0\xB8\xA1\xE0\xB8\xB9\xE0\xB8\xA5\xE0\xB8\xAA\xE0\xB9"
     "\x88\xE0\xB8\xA7\xE0\xB8\x99\xE0\xB8\x9A\xE0\xB8\xB8\xE0\xB8\x84\xE0\xB8\x84\xE0\xB8\xA5",
     IMPORT_WORD_PART}, /* ข้อมูลส่วนบุคคล */
    {"\xE0\xB8\x99\xE0\xB9\x82\xE0\xB8\xA2\xE0\xB8\x9A\xE0\xB8\xB2\xE0\xB8\xA2\xE0\xB8\x84\xE0\xB8"
     "\xA7\xE0\xB8\xB2\xE0\xB8\xA1\xE0\xB9\x80\xE0\xB8\x9B\xE0\xB9\x87\xE0\xB8\x99\xE0\xB8\xAA\xE0"
     "\xB9\x88\xE0\xB8\xA7\xE0\xB8\x99\xE0\xB8\x95\xE0\xB8\xB1\xE0\xB8\xA7",
     IMPORT_WORD_PART}, /* นโยบายความเป็นส่วนตัว */
    {"ch\xC3\xADnh s\xC3\xA1"
     "ch b\xE1\xBA\xA3o m\xE1\xBA\xADt",
     IMPORT_WORD_WHOLE}, /* chính sách bảo mật */
    {"d\xE1\xBB\xAF li\xE1\xBB\x87u c\xC3\xA1 nh\xC3\xA2n",
     IMPORT_WORD_WHOLE},                                           /* dữ liệu cá nhân */
    {"th\xC3\xB4ng tin c\xC3\xA1 nh\xC3\xA2n", IMPORT_WORD_WHOLE}, /* thông tin cá nhân */
    {"kebijakan privasi", IMPORT_WORD_WHOLE},
    {"data pribadi", IMPORT_WORD_WHOLE},
    {"\xE9\x9A\x90\xE7\xA7\x81\xE6\x94\xBF\xE7\xAD\x96", IMPORT_WORD_PART}, /* 隐私政策 */
    {"\xE4\xB8\xAA\xE4\xBA\xBA\xE4\xBF\xA1\xE6\x81\xAF", IMPORT_WORD_PART}, /* 个人信息 */
    {"\xE9\x9A\xB1\xE7\xA7\x81\xE6\xAC\x8A\xE6\x94\xBF\xE7\xAD\x96",
     IMPORT_WORD_PART},                                                     /* 隱私權政策 */
    {"\xE9\x9A\xB1\xE7\xA7\x81\xE6\x94\xBF\xE7\xAD\x96", IMPORT_WORD_PART}, /* 隱私政策 */
    {"\xE5\x80\x8B\xE4\xBA\xBA\xE8\xB3\x87\xE6\x96\x99", IMPORT_WORD_PART}, /* 個人資料 */
    {"\xE5\x80\x8B\xE4\xBA\xBA\xE6\x83\x85\xE5\xA0\xB1", IMPORT_WORD_PART}, /* 個人情報 */
    {"\xE3\x83\x97\xE3\x83\xA9\xE3\x82\xA4\xE3\x83\x90\xE3\x82\xB7\xE3\x83\xBC\xE3\x83\x9D\xE3\x83"
     "\xAA\xE3\x82\xB7\xE3\x83\xBC",
     IMPORT_WORD_PART}, /* プライバシーポリシー */
    {"\xEA\xB0\x9C\xEC\x9D\xB8\xEC\xA0\x95\xEB\xB3\xB4", IMPORT_WORD_PART}, /* 개인정보 */
    {"protection des donn\xC3\xA9"
     "es",
     IMPORT_WORD_WHOLE},                               /* protection des données */
    {"protecci\xC3\xB3n de datos", IMPORT_WORD_WHOLE}, /* protección de datos */
    {"aviso de privacidade", IMPORT_WORD_WHOLE},
    {"prote\xC3\xA7\xC3\xA3o de dados", IMPORT_WORD_WHOLE}, /* proteção de dados */
    {"protezione dei dati", IMPORT_WORD_WHOLE},
};

/* Equal opportunity, and agencies turned away, in the languages that name them in a word or two: in
 * a sentence only beside a word of hiring ("Förderung der Chancengleichheit" is a task), in a
 * heading alone. */
static const import_word equal_words[] = {
    {"chancengleichheit", IMPORT_WORD_WHOLE},
    {"gleichstellung", IMPORT_WORD_WHOLE},
    {"schwerbehindert", IMPORT_WORD_PREFIX},
    {"non-discrimination", IMPORT_WORD_WHOLE},
    {"igualdad de oportunidades", IMPORT_WORD_WHOLE},
    {"igualdade de oportunidades", IMPORT_WORD_WHOLE},
    {"pari opportunit\xC3\xA0", IMPORT_WORD_WHOLE}, /* pari opportunità */
    {"gelijke kansen", IMPORT_WORD_WHOLE},
    {"acquisitie", IMPORT_WORD_WHOLE},
    {"r\xC3\xB3wne szanse", IMPORT_WORD_WHOLE},                  /* równe szanse */
    {"f\xC4\xB1rsat e\xC5\x9Fitli\xC4\x9Fi", IMPORT_WORD_WHOLE}, /* fırsat eşitliği */
    {"\xD1\x80\xD0\xB0\xD0\xB2\xD0\xBD\xD1\x8B\xD0\xB5 "
     "\xD0\xB2\xD0\xBE\xD0\xB7\xD0\xBC\xD0\xBE\xD0\xB6\xD0\xBD\xD0\xBE\xD1\x81\xD1\x82\xD0\xB8",
     IMPORT_WORD_WHOLE}, /* равные возможности */
    {"\xD1\x80\xD1\x96\xD0\xB2\xD0\xBD\xD1\x96 "
     "\xD0\xBC\xD0\xBE\xD0\xB6\xD0\xBB\xD0\xB8\xD0\xB2\xD0\xBE\xD1\x81\xD1\x82\xD1\x96",
     IMPORT_WORD_WHOLE}, /* рівні можливості */
    {"\xCE\xAF\xCF\x83\xCE\xB5\xCF\x82 "
     "\xCE\xB5\xCF\x85\xCE\xBA\xCE\xB1\xCE\xB9\xCF\x81\xCE\xAF\xCE\xB5\xCF\x82",
     IMPORT_WORD_WHOLE}, /* ίσες ευκαιρίες */
    {"\xD8\xAA\xD9\x83\xD8\xA7\xD9\x81\xD8\xA4 \xD8\xA7\xD9\x84\xD9\x81\xD8\xB1\xD8\xB5",
     IMPORT_WORD_PART}, /* تكافؤ الفرص */
    {"\xD7\xA9\xD7\x95\xD7\x95\xD7\x99\xD7\x95\xD7\x9F "
     "\xD7\x94\xD7\x96\xD7\x93\xD7\x9E\xD7\xA0\xD7\x95\xD7\x99\xD7\x95\xD7\xAA",
     IMPORT_WORD_PART}, /* שוויון הזדמנויות */
    {"\xE0\xA4\xB8\xE0\xA4\xAE\xE0\xA4\xBE\xE0\xA4\xA8 "
     "\xE0\xA4\x85\xE0\xA4\xB5\xE0\xA4\xB8\xE0\xA4\xB0",
     IMPORT_WORD_WHOLE}, /* समान अवसर */
    {"\xE0\xA6\xB8\xE0\xA6\xAE\xE0\xA6\xBE\xE0\xA6\xA8 "
     "\xE0\xA6\xB8\xE0\xA7\x81\xE0\xA6\xAF\xE0\xA7\x8B\xE0\xA6\x97",
     IMPORT_WORD_WHOLE}, /* সমান সুযোগ */
    {"c\xC6\xA1 h\xE1\xBB\x99i b\xC3\xACnh \xC4\x91\xE1\xBA\xB3ng",
     IMPORT_WORD_WHOLE}, /* cơ hội bình đẳng */
};

/* Other words that make a sentence a notice only beside a word of hiring. */
static const import_word notice_maybe[] = {
    /* English */
    {"sexual orientation", IMPORT_WORD_WHOLE},
    {"gender identity", IMPORT_WORD_WHOLE},
    {"veteran status", IMPORT_WORD_WHOLE},
    {"genetic information", IMPORT_WORD_WHOLE},
    {"national origin", IMPORT_WORD_WHOLE},
    {"criminal histor", IMPORT_WORD_PREFIX},
    /* German */
    {"agg", IMPORT_WORD_WHOLE},
    {"ausdr\xC3\xBC"
     "cklich begr\xC3\xBC\xC3\x9Ft",
     IMPORT_WORD_WHOLE}, /* ausdrücklich begrüßt */
    {"nicht erstattet", IMPORT_WORD_WHOLE},
    {"betr\xC3\xBCgerisch", IMPORT_WORD_PREFIX}, /* betrügerisch */
    /* French */
    {"en situation de handicap", IMPORT_WORD_WHOLE},
    {"sans distinction", IMPORT_WORD_WHOLE},
    /* Spanish */
    {"sin distinci\xC3\xB3n de", IMPORT_WORD_WHOLE}, /* sin distinción de */
    {"discapacidad", IMPORT_WORD_WHOLE},
    /* Portuguese */
    {"pessoas com defici\xC3\xAAncia", IMPORT_WORD_WHOLE}, /* pessoas com deficiência */
    {"sem distin\xC3\xA7\xC3\xA3o de", IMPORT_WORD_WHOLE}, /* sem distinção de */
    /* Hindi, Bengali, Thai, Vietnamese, Indonesian */
    {"kesempatan yang sama", IMPORT_WORD_WHOLE},
    {"penipuan", IMPORT_WORD_WHOLE},
    /* Chinese, Japanese, Korean */
    {"\xEC\x9E\xA5\xEC\x95\xA0\xEC\x9D\xB8", IMPORT_WORD_PART}, /* 장애인 */
};

/* Words of hiring and applying, beside import_says_apply(). */
static const import_word cue_words[] = {
    {"applicant", IMPORT_WORD_STEM},
    {"applying", IMPORT_WORD_WHOLE},
    {"application", IMPORT_WORD_STEM},
    {"candidate", IMPORT_WORD_STEM},
    {"employment", IMPORT_WORD_WHOLE},
    {"employer", IMPORT_WORD_STEM},
    {"hiring", IMPORT_WORD_WHOLE},
    {"recruit", IMPORT_WORD_PREFIX},
    {"job", IMPORT_WORD_STEM},
    {"discriminat", IMPORT_WORD_PREFIX},
    {"eligible", IMPORT_WORD_WHOLE},
    {"bewerb", IMPORT_WORD_PREFIX},
    {"einstellung", IMPORT_WORD_WHOLE},
    {"candidat", IMPORT_WORD_PREFIX},
    {"postul", IMPORT_WORD_PREFIX},
    {"emploi", IMPORT_WORD_WHOLE},
    {"empleo", IMPORT_WORD_WHOLE},
    {"empleador", IMPORT_WORD_WHOLE},
    {"emprego", IMPORT_WORD_WHOLE},
    {"selezion", IMPORT_WORD_PREFIX},
    {"sollicit", IMPORT_WORD_PREFIX},
    {"kandidat", IMPORT_WORD_PREFIX},
    {"rekrut", IMPORT_WORD_PREFIX},
    {"aplikac", IMPORT_WORD_PREFIX},
    {"ba\xC5\x9Fvur", IMPORT_WORD_PREFIX}, /* başvur */
    {"aday", IMPORT_WORD_PREFIX},
    {"\xD0\xBA\xD0\xB0\xD0\xBD\xD0\xB4\xD0\xB8\xD0\xB4\xD0\xB0\xD1\x82",
     IMPORT_WORD_PREFIX}, /* кандидат */
    {"\xD1\x81\xD0\xBE\xD0\xB8\xD1\x81\xD0\xBA\xD0\xB0\xD1\x82\xD0\xB5\xD0\xBB",
     IMPORT_WORD_PREFIX}, /* соискател */
    {"\xD1\x80\xD0\xB5\xD0\xB7\xD1\x8E\xD0\xBC\xD0\xB5", IMPORT_WORD_PREFIX}, /* резюме */
    {"\xCF\x85\xCF\x80\xCE\xBF\xCF\x88\xCE\xAE\xCF\x86\xCE\xB9", IMPORT_WORD_PREFIX}, /* υποψήφι */
    {"\xCE\xB1\xCE\xAF\xCF\x84\xCE\xB7\xCF\x83\xCE\xB7", IMPORT_WORD_WHOLE}, /* αίτηση */
    {"\xD8\xA7\xD9\x84\xD9\x85\xD8\xAA\xD9\x82\xD8\xAF\xD9\x85", IMPORT_WORD_PART}, /* المتقدم */
    {"\xD8\xA7\xD9\x84\xD8\xAA\xD9\x88\xD8\xB8\xD9\x8A\xD9\x81", IMPORT_WORD_PART}, /* التوظيف */
    {"\xD7\x9E\xD7\x95\xD7\xA2\xD7\x9E\xD7\x93", IMPORT_WORD_PART},                 /* מועמד */
    {"\xD9\x85\xD8\xAA\xD9\x82\xD8\xA7\xD8\xB6\xDB\x8C", IMPORT_WORD_PART}, /* متقاضی */
    {"\xE0\xA4\x86\xE0\xA4\xB5\xE0\xA5\x87\xE0\xA4\xA6\xE0\xA4\xA8", IMPORT_WORD_PREFIX}, /* आवेदन */
    {"\xE0\xA4\x89\xE0\xA4\xAE\xE0\xA5\x8D\xE0\xA4\xAE\xE0\xA5\x80\xE0\xA4\xA6\xE0\xA4\xB5\xE0\xA4"
     "\xBE\xE0\xA4\xB0",
     IMPORT_WORD_PREFIX}, /* उम्मीदवार */
    {"\xE0\xA6\x86\xE0\xA6\xAC\xE0\xA7\x87\xE0\xA6\xA6\xE0\xA6\xA8",
     IMPORT_WORD_PREFIX}, /* আবেদন */
    {"\xE0\xA6\xAA\xE0\xA7\x8D\xE0\xA6\xB0\xE0\xA6\xBE\xE0\xA6\xB0\xE0\xA7\x8D\xE0\xA6\xA5\xE0\xA7"
     "\x80",
     IMPORT_WORD_PREFIX}, /* প্রার্থী */
    {"\xE0\xB8\x9C\xE0\xB8\xB9\xE0\xB9\x89\xE0\xB8\xAA\xE0\xB8\xA1\xE0\xB8\xB1\xE0\xB8\x84\xE0\xB8"
     "\xA3",
     IMPORT_WORD_PART}, /* ผู้สมัคร */
    {"\xE0\xB8\xAA\xE0\xB8\xA1\xE0\xB8\xB1\xE0\xB8\x84\xE0\xB8\xA3\xE0\xB8\x87\xE0\xB8\xB2\xE0\xB8"
     "\x99",
     IMPORT_WORD_PART},                                     /* สมัครงาน */
    {"\xE1\xBB\xA9ng vi\xC3\xAAn", IMPORT_WORD_WHOLE},      /* ứng viên */
    {"\xE1\xBB\xA9ng tuy\xE1\xBB\x83n", IMPORT_WORD_WHOLE}, /* ứng tuyển */
    {"pelamar", IMPORT_WORD_WHOLE},
    {"lamaran", IMPORT_WORD_WHOLE},
    {"\xE6\xB1\x82\xE8\x81\x8C", IMPORT_WORD_PART},             /* 求职 */
    {"\xE5\x80\x99\xE9\x80\x89\xE4\xBA\xBA", IMPORT_WORD_PART}, /* 候选人 */
    {"\xE6\x8B\x9B\xE8\x81\x98", IMPORT_WORD_PART},             /* 招聘 */
    {"\xE6\xB1\x82\xE8\x81\xB7", IMPORT_WORD_PART},             /* 求職 */
    {"\xE6\x87\x89\xE5\xBE\xB5", IMPORT_WORD_PART},             /* 應徵 */
    {"\xE5\xBE\xB5\xE6\x89\x8D", IMPORT_WORD_PART},             /* 徵才 */
    {"\xE6\x8E\xA1\xE7\x94\xA8", IMPORT_WORD_PART},             /* 採用 */
    {"\xEC\xB1\x84\xEC\x9A\xA9", IMPORT_WORD_PART},             /* 채용 */
    {"\xEC\xA7\x80\xEC\x9B\x90\xEC\x9E\x90", IMPORT_WORD_PART}, /* 지원자 */
};

/* More words of a heading, a short paragraph or a block's lead ("EEO statement: ...") that names a
 * notice. */
static const import_word heading_words[] = {
    /* English */
    {"equal opportunity", IMPORT_WORD_WHOLE},
    {"equal opportunities", IMPORT_WORD_WHOLE},
    {"equal employment", IMPORT_WORD_WHOLE},
    {"affirmative action", IMPORT_WORD_WHOLE},
    {"nondiscrimination", IMPORT_WORD_WHOLE},
    {"fraud alert", IMPORT_WORD_WHOLE},
    {"fraud warning", IMPORT_WORD_WHOLE},
    {"fraud notice", IMPORT_WORD_WHOLE},
    {"scam alert", IMPORT_WORD_WHOLE},
    {"beware of", IMPORT_WORD_WHOLE},
    {"fraudulent", IMPORT_WORD_WHOLE},
    {"accommodation request", IMPORT_WORD_PREFIX},
    {"accommodations for", IMPORT_WORD_WHOLE},
    {"at-will", IMPORT_WORD_WHOLE},
    {"commitment to diversity", IMPORT_WORD_WHOLE},
    {"diversity, equity", IMPORT_WORD_WHOLE},
    {"diversity equity", IMPORT_WORD_WHOLE},
    {"diversity & inclusion", IMPORT_WORD_WHOLE},
    {"diversity and inclusion", IMPORT_WORD_WHOLE},
    {"diversity, inclusion", IMPORT_WORD_WHOLE},
    {"deib", IMPORT_WORD_WHOLE},
    {"dei statement", IMPORT_WORD_WHOLE},
    /* German */
    {"vielfalt und inklusion", IMPORT_WORD_WHOLE},
    /* French */
    {"fraude au recrutement", IMPORT_WORD_WHOLE},
    {"diversit\xC3\xA9 et inclusion", IMPORT_WORD_WHOLE}, /* diversité et inclusion */
    {"handicap", IMPORT_WORD_WHOLE},
    /* Spanish, Portuguese, Italian, Dutch */
    {"diversidad e inclusi\xC3\xB3n", IMPORT_WORD_WHOLE}, /* diversidad e inclusión */
    {"diversidade e inclus\xC3\xA3o", IMPORT_WORD_WHOLE}, /* diversidade e inclusão */
    {"trattamento dei dati", IMPORT_WORD_WHOLE},
    {"diversit\xC3\xA0 e inclusione", IMPORT_WORD_WHOLE}, /* diversità e inclusione */
    {"diversiteit en inclusie", IMPORT_WORD_WHOLE},
    /* Polish, Turkish */
    {"przetwarzanie danych", IMPORT_WORD_WHOLE},
    /* Arabic, Hebrew, Persian, Hindi, Bengali, Thai, Vietnamese, Indonesian */
    {"waspada penipuan", IMPORT_WORD_WHOLE},
    /* Chinese, Japanese, Korean */
    {"\xE5\xB9\xB3\xE7\xAD\x89\xE5\xB0\xB1\xE4\xB8\x9A", IMPORT_WORD_PART}, /* 平等就业 */
    {"\xE9\x98\xB2\xE9\xAA\x97", IMPORT_WORD_PART},                         /* 防骗 */
    {"\xE5\xB9\xB3\xE7\xAD\x89\xE5\xB0\xB1\xE6\xA5\xAD", IMPORT_WORD_PART}, /* 平等就業 */
    {"\xE9\x98\xB2\xE8\xA9\x90\xE9\xA8\x99", IMPORT_WORD_PART},             /* 防詐騙 */
    {"\xE6\xA9\x9F\xE4\xBC\x9A\xE5\x9D\x87\xE7\xAD\x89", IMPORT_WORD_PART}, /* 機会均等 */
};

/* A notice is a paragraph, not a page: a longer block is never one (which
 * also keeps the scan short on hostile input). */
#define NOTICE_MAX 4000
/* Headings, and the leads before a ':' that may name a notice, are short. */
#define NOTICE_HEADING_MAX 100

static bool has(const char *t, size_t n, const import_word *list, size_t count)
{
	return import_words_has(t, n, list, count);
}

/* Whether the sentence t[0..n) belongs to a notice. */
static bool notice_sentence(const char *t, size_t n)
{
	if (has(t, n, notice_words, JK_ARRAY_LEN(notice_words)))
		return true;
	return (has(t, n, privacy_words, JK_ARRAY_LEN(privacy_words)) ||
	        has(t, n, equal_words, JK_ARRAY_LEN(equal_words)) ||
	        has(t, n, notice_maybe, JK_ARRAY_LEN(notice_maybe))) &&
	       (has(t, n, cue_words, JK_ARRAY_LEN(cue_words)) || import_says_apply(t, n));
}

bool import_notice_heading(const char *h, size_t n)
{
	return n && n <= NOTICE_HEADING_MAX &&
	       (has(h, n, heading_words, JK_ARRAY_LEN(heading_words)) ||
	        has(h, n, notice_words, JK_ARRAY_LEN(notice_words)) ||
	        has(h, n, privacy_words, JK_ARRAY_LEN(privacy_words)) ||
	        has(h, n, equal_words, JK_ARRAY_LEN(equal_words))) &&
	       !import_names_role(h, n);
}

bool import_is_boilerplate(const char *t, size_t n)
{
	if (!n || n > NOTICE_MAX)
		return false;
	/* "EEO statement: ...", "Datenschutz: ...": a lead that names one. */
	const char *colon = memchr(t, ':', n < NOTICE_HEADING_MAX ? n : NOTICE_HEADING_MAX);
	if (colon && import_notice_heading(t, (size_t)(colon - t)))
		return true;
	size_t notice = 0, start = 0;
	for (size_t i = 0; i < n;) {
		size_t e = import_sentence_end(t, n, i);
		if (!e && i + 1 < n) {
			i++;
			continue;
		}
		size_t end = e ? i + e : n;
		if (notice_sentence(t + start, end - start))
			notice += end - start;
		start = i = end;
	}
	/* Mostly the notice: a sentence of one in a paragraph about the work
	 * ("we use E-Verify" between the pay and the place) keeps it. */
	return notice * 2 > n;
}

/* A short paragraph that reads as a notice's heading ("EEO Statement",
 * "Notice of Recruitment Fraud"): no sentence ends it. */
static bool notice_title(const posting_block *b)
{
	if (b->kind != POSTING_PARAGRAPH || !b->len || b->len > NOTICE_HEADING_MAX)
		return false;
	size_t i = b->len - 1;
	while (i > 0 && ((unsigned char)b->text[i] & 0xC0) == 0x80)
		i--;
	return !import_sentence_end(b->text, b->len, i) && b->text[b->len - 1] != '.' &&
	       import_notice_heading(b->text, b->len);
}

void import_mark_boilerplate(posting *p)
{
	for (size_t s = 0; s < p->nsections; s++) {
		posting_section *sec = &p->sections[s];
		bool all =
		    sec->heading && import_notice_heading(sec->heading, strlen(sec->heading));
		for (size_t b = 0; b < sec->nblocks; b++) {
			posting_block *bk = &sec->blocks[b];
			bk->boilerplate = all || notice_title(bk) ||
			                  (bk->text && import_is_boilerplate(bk->text, bk->len));
		}
	}
}
