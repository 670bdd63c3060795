/* words.c — the kiosk's own words in the posting's language: one table of
 * translations, the formats that put numbers into them (in the digits the
 * language's readers expect), and the guess of a language from the script
 * of a text that states none. Pure: no SDL, no I/O, const tables only. */
#include "posting.h"
#include "text.h"

#include <string.h>

/* How a language chooses the form of a counted noun. */
typedef enum plural {
	PL_NONE,   /* one form (or a sentence that needs none) */
	PL_ONE,    /* 1: one; else other */
	PL_FR,     /* 0 and 1: one; else other */
	PL_EAST,   /* ru, uk: one (1, 21...), few (2-4, 22-24...), many */
	PL_POLISH, /* 1: one; few (2-4, 22-24...); many */
} plural;

typedef enum digits { DG_ASCII, DG_ARABIC, DG_PERSIAN, DG_BENGALI } digits;

/* One language. In roles and offline, "{n}" and "{t}" stand for the
 * number and the time, and "{d}" in TEXT_W_APPLY_BY for the date; roles
 * holds the forms one, few, other. */
typedef struct lang_words {
	const char *tag;
	plural pl;
	digits dg;
	const char *w[TEXT_W_COUNT];
	const char *roles[3];
	const char *offline;
} lang_words;

#define W(scan, email, heading, fallback, longer, waiting, note, line, fresh, by, today, all)      \
	{                                                                                          \
		[TEXT_W_SCAN_TO_APPLY] = scan, [TEXT_W_EMAIL_TO_APPLY] = email,                    \
		[TEXT_W_OPEN_POSITIONS] = heading, [TEXT_W_OPEN_POSITION] = fallback,              \
		[TEXT_W_LONGER] = longer, [TEXT_W_WAITING] = waiting,                              \
		[TEXT_W_WAITING_NOTE] = note, [TEXT_W_WAITING_LINE] = line, [TEXT_W_NEW] = fresh,  \
		[TEXT_W_APPLY_BY] = by, [TEXT_W_CLOSES_TODAY] = today, [TEXT_W_ALL_OPENINGS] = all \
	}

/* English first: every lookup that finds nothing ends there. */
static const lang_words table[] = {
    {"en",
     PL_ONE,
     DG_ASCII,
     W("Scan to apply", "Email to apply", "Open positions", "Open position",
       "The full posting is longer: scan the code to read it all.", "Waiting for job postings",
       "The slideshow starts by itself as soon as postings arrive.",
       "No postings yet: reading the sources.", "New", "Apply by {d}", "Closes today",
       "All openings"),
     {"{n} role — scan a slide's code to apply", NULL, "{n} roles — scan a slide's code to apply"},
     "offline · updated {t}"},
    {"de",
     PL_ONE,
     DG_ASCII,
     W("Scannen und bewerben", "Per E-Mail bewerben", "Offene Stellen", "Offene Stelle",
       "Die vollständige Anzeige ist länger: Code scannen und alles lesen.",
       "Warten auf Stellenanzeigen",
       "Die Präsentation startet von selbst, sobald Anzeigen eintreffen.",
       "Noch keine Anzeigen: Quellen werden gelesen.", "Neu", "Bewerbung bis {d}",
       "Bewerbungsschluss heute", "Alle offenen Stellen"),
     {"{n} Stelle — zum Bewerben den Code einer Folie scannen", NULL,
      "{n} Stellen — zum Bewerben den Code einer Folie scannen"},
     "offline · Stand {t}"},
    {"fr",
     PL_FR,
     DG_ASCII,
     W("Scannez pour postuler", "Postulez par e-mail", "Postes ouverts", "Poste ouvert",
       "L'offre complète est plus longue : scannez le code pour tout lire.",
       "En attente d'offres d'emploi",
       "Le diaporama démarre tout seul dès que des offres arrivent.",
       "Pas encore d'offres : lecture des sources.", "Nouveau", "Postulez jusqu'au {d}",
       "Clôture aujourd'hui", "Toutes nos offres"),
     {"{n} poste — scannez le code d'une diapositive pour postuler", NULL,
      "{n} postes — scannez le code d'une diapositive pour postuler"},
     "hors ligne · mis à jour à {t}"},
    {"es",
     PL_ONE,
     DG_ASCII,
     W("Escanea para postularte", "Postúlate por correo", "Puestos vacantes", "Puesto vacante",
       "La oferta completa es más larga: escanea el código para leerla entera.",
       "Esperando ofertas de empleo", "La presentación empieza sola en cuanto lleguen ofertas.",
       "Aún no hay ofertas: leyendo las fuentes.", "Nueva", "Postúlate hasta el {d}", "Cierra hoy",
       "Todas las ofertas"),
     {"{n} puesto — escanea el código de una diapositiva para postularte", NULL,
      "{n} puestos — escanea el código de una diapositiva para postularte"},
     "sin conexión · actualizado a las {t}"},
    {"pt",
     PL_ONE,
     DG_ASCII,
     W("Leia o código para se candidatar", "Candidate-se por e-mail", "Vagas abertas",
       "Vaga aberta", "O anúncio completo é mais longo: leia o código para ver tudo.",
       "Aguardando vagas de emprego", "A apresentação começa sozinha assim que chegarem vagas.",
       "Ainda não há vagas: consultando as fontes.", "Nova", "Candidate-se até {d}", "Encerra hoje",
       "Todas as vagas"),
     {"{n} vaga — leia o código de um slide para se candidatar", NULL,
      "{n} vagas — leia o código de um slide para se candidatar"},
     "offline · atualizado às {t}"},
    {"it",
     PL_ONE,
     DG_ASCII,
     W("Scansiona per candidarti", "Candidati via e-mail", "Posizioni aperte", "Posizione aperta",
       "L'annuncio completo è più lungo: scansiona il codice per leggerlo tutto.",
       "In attesa di offerte di lavoro", "La presentazione parte da sola appena arrivano offerte.",
       "Ancora nessuna offerta: lettura delle fonti in corso.", "Nuovo", "Candidati entro il {d}",
       "Scade oggi", "Tutte le posizioni aperte"),
     {"{n} posizione — scansiona il codice di una slide per candidarti", NULL,
      "{n} posizioni — scansiona il codice di una slide per candidarti"},
     "offline · aggiornato alle {t}"},
    {"nl",
     PL_ONE,
     DG_ASCII,
     W("Scan om te solliciteren", "Solliciteer per e-mail", "Openstaande vacatures",
       "Openstaande vacature", "De volledige vacature is langer: scan de code om alles te lezen.",
       "Wachten op vacatures", "De diavoorstelling start vanzelf zodra er vacatures binnenkomen.",
       "Nog geen vacatures: bronnen worden gelezen.", "Nieuw", "Solliciteer uiterlijk {d}",
       "Sluit vandaag", "Alle vacatures"),
     {"{n} vacature — scan de code op een dia om te solliciteren", NULL,
      "{n} vacatures — scan de code op een dia om te solliciteren"},
     "offline · bijgewerkt om {t}"},
    {"pl",
     PL_POLISH,
     DG_ASCII,
     W("Zeskanuj, aby aplikować", "Aplikuj e-mailem", "Oferty pracy", "Oferta pracy",
       "Pełne ogłoszenie jest dłuższe: zeskanuj kod, aby przeczytać całość.",
       "Oczekiwanie na oferty pracy", "Pokaz slajdów ruszy sam, gdy tylko pojawią się oferty.",
       "Brak ofert: odczytywanie źródeł.", "Nowa", "Aplikuj do {d}", "Ostatni dzień rekrutacji",
       "Wszystkie oferty pracy"),
     {"{n} oferta — zeskanuj kod ze slajdu, aby aplikować",
      "{n} oferty — zeskanuj kod ze slajdu, aby aplikować",
      "{n} ofert — zeskanuj kod ze slajdu, aby aplikować"},
     "offline · aktualizacja {t}"},
    {"tr",
     PL_NONE,
     DG_ASCII,
     W("Başvurmak için tarayın", "E-postayla başvurun", "Açık pozisyonlar", "Açık pozisyon",
       "İlanın tamamı daha uzun: hepsini okumak için kodu tarayın.", "İş ilanları bekleniyor",
       "İlanlar gelir gelmez slayt gösterisi kendiliğinden başlar.",
       "Henüz ilan yok: kaynaklar okunuyor.", "Yeni", "Son başvuru: {d}", "Son başvuru bugün",
       "Tüm açık pozisyonlar"),
     {NULL, NULL, "{n} pozisyon — başvurmak için bir slayttaki kodu tarayın"},
     "çevrimdışı · güncelleme {t}"},
    {"ru",
     PL_EAST,
     DG_ASCII,
     W("Сканируйте, чтобы откликнуться", "Откликнуться по e-mail", "Открытые вакансии",
       "Открытая вакансия", "Полный текст вакансии длиннее: отсканируйте код, чтобы прочитать всё.",
       "Ожидание вакансий", "Показ начнётся сам, как только появятся вакансии.",
       "Вакансий пока нет: читаем источники.", "Новая", "Откликнуться до {d}",
       "Закрывается сегодня", "Все вакансии"),
     {"{n} вакансия — отсканируйте код на слайде, чтобы откликнуться",
      "{n} вакансии — отсканируйте код на слайде, чтобы откликнуться",
      "{n} вакансий — отсканируйте код на слайде, чтобы откликнуться"},
     "офлайн · обновлено в {t}"},
    {"uk",
     PL_EAST,
     DG_ASCII,
     W("Скануйте, щоб відгукнутися", "Відгукнутися через e-mail", "Відкриті вакансії",
       "Відкрита вакансія", "Повний текст вакансії довший: відскануйте код, щоб прочитати все.",
       "Очікування вакансій", "Показ почнеться сам, щойно з'являться вакансії.",
       "Вакансій ще немає: читаємо джерела.", "Нова", "Відгукнутися до {d}",
       "Закривається сьогодні", "Усі вакансії"),
     {"{n} вакансія — відскануйте код на слайді, щоб відгукнутися",
      "{n} вакансії — відскануйте код на слайді, щоб відгукнутися",
      "{n} вакансій — відскануйте код на слайді, щоб відгукнутися"},
     "офлайн · оновлено о {t}"},
    {"el",
     PL_ONE,
     DG_ASCII,
     W("Σαρώστε για αίτηση", "Αίτηση μέσω email", "Ανοιχτές θέσεις", "Ανοιχτή θέση",
       "Η πλήρης αγγελία είναι μεγαλύτερη: σαρώστε τον κωδικό για να τη διαβάσετε.",
       "Αναμονή για αγγελίες εργασίας", "Η προβολή ξεκινά μόνη της μόλις φτάσουν αγγελίες.",
       "Δεν υπάρχουν ακόμη αγγελίες: ανάγνωση των πηγών.", "Νέα", "Αιτήσεις έως {d}",
       "Λήγει σήμερα", "Όλες οι θέσεις εργασίας"),
     {"{n} θέση — σαρώστε τον κωδικό μιας διαφάνειας για αίτηση", NULL,
      "{n} θέσεις — σαρώστε τον κωδικό μιας διαφάνειας για αίτηση"},
     "εκτός σύνδεσης · ενημέρωση {t}"},
    /* Arabic counts nouns in six forms: the count stands alone instead. */
    {"ar",
     PL_NONE,
     DG_ARABIC,
     W("امسح للتقديم", "قدّم عبر البريد الإلكتروني", "وظائف شاغرة", "وظيفة شاغرة",
       "الإعلان الكامل أطول: امسح الرمز لقراءته كاملاً.", "في انتظار إعلانات الوظائف",
       "يبدأ العرض تلقائيًا فور وصول الإعلانات.", "لا توجد إعلانات بعد: جارٍ قراءة المصادر.", "جديدة",
       "التقديم حتى {d}", "آخر يوم للتقديم", "جميع الوظائف الشاغرة"),
     {NULL, NULL, "عدد الوظائف: {n} — امسح رمز أي شريحة للتقديم"},
     "غير متصل · آخر تحديث {t}"},
    {"he",
     PL_ONE,
     DG_ASCII,
     W("סרקו כדי להגיש מועמדות", "הגישו מועמדות במייל", "משרות פתוחות", "משרה פתוחה",
       "המודעה המלאה ארוכה יותר: סרקו את הקוד כדי לקרוא את כולה.", "ממתינים למודעות דרושים",
       "המצגת תתחיל מעצמה ברגע שיגיעו מודעות.", "אין עדיין מודעות: קוראים את המקורות.", "חדש",
       "הגשת מועמדות עד {d}", "יום אחרון להגשה", "כל המשרות הפתוחות"),
     {"משרה אחת — סרקו את הקוד בשקופית כדי להגיש מועמדות", NULL,
      "{n} משרות — סרקו את הקוד בשקופית כדי להגיש מועמדות"},
     "לא מקוון · עודכן ב-{t}"},
    {"fa",
     PL_NONE,
     DG_PERSIAN,
     W("برای درخواست اسکن کنید", "درخواست با ایمیل", "موقعیت‌های شغلی",
       "موقعیت شغلی",
       "آگهی کامل طولانی‌تر است: برای خواندن همه، کد را "
       "اسکن "
       "کنید.",
       "در انتظار آگهی‌های شغلی",
       "نمایش به‌محض رسیدن آگهی‌ها خودبه‌خود شروع "
       "می‌شود.",
       "هنوز آگهی‌ای نیست: در حال خواندن منابع.", "جدید",
       "مهلت درخواست تا {d}", "آخرین مهلت: امروز", "همه فرصت‌های شغلی"),
     {NULL, NULL, "{n} موقعیت شغلی — برای درخواست، کد یک اسلاید را اسکن کنید"},
     "آفلاین · به‌روزرسانی {t}"},
    {"hi",
     PL_NONE,
     DG_ASCII,
     W("आवेदन के लिए स्कैन करें", "ईमेल से आवेदन करें", "खुले पद", "खुला पद",
       "पूरा विज्ञापन लंबा है: पूरा पढ़ने के लिए कोड स्कैन करें।", "नौकरी के विज्ञापनों की प्रतीक्षा",
       "विज्ञापन आते ही स्लाइड शो अपने आप शुरू हो जाएगा।", "अभी कोई विज्ञापन नहीं: स्रोत पढ़े जा रहे हैं।", "नया",
       "{d} तक आवेदन करें", "आज आवेदन की अंतिम तिथि", "सभी रिक्तियाँ"),
     {NULL, NULL, "{n} पद — आवेदन के लिए किसी स्लाइड का कोड स्कैन करें"},
     "ऑफ़लाइन · {t} बजे अपडेट"},
    {"bn",
     PL_NONE,
     DG_BENGALI,
     W("আবেদন করতে স্ক্যান করুন", "ইমেলে আবেদন করুন", "খালি পদ", "খালি পদ",
       "পুরো বিজ্ঞপ্তিটি আরও দীর্ঘ: সবটা পড়তে কোডটি স্ক্যান করুন।", "চাকরির বিজ্ঞপ্তির অপেক্ষায়",
       "বিজ্ঞপ্তি এলেই স্লাইডশো নিজে থেকে শুরু হবে।", "এখনও কোনো বিজ্ঞপ্তি নেই: উৎসগুলো পড়া হচ্ছে।", "নতুন",
       "আবেদনের শেষ তারিখ: {d}", "আজ আবেদনের শেষ দিন", "সব খালি পদ"),
     {NULL, NULL, "{n}টি পদ — আবেদন করতে যেকোনো স্লাইডের কোড স্ক্যান করুন"},
     "অফলাইন · হালনাগাদ {t}"},
    {"th",
     PL_NONE,
     DG_ASCII,
     W("สแกนเพื่อสมัคร", "สมัครทางอีเมล", "ตำแหน่งที่เปิดรับ", "ตำแหน่งที่เปิดรับ",
       "ประกาศฉบับเต็มยาวกว่านี้ สแกนโค้ดเพื่ออ่านทั้งหมด", "กำลังรอประกาศรับสมัครงาน",
       "สไลด์โชว์จะเริ่มเองทันทีที่มีประกาศเข้ามา", "ยังไม่มีประกาศ กำลังอ่านแหล่งข้อมูล", "ใหม่", "สมัครได้ถึง {d}",
       "ปิดรับสมัครวันนี้", "ตำแหน่งงานทั้งหมด"),
     {NULL, NULL, "{n} ตำแหน่ง — สแกนโค้ดบนสไลด์เพื่อสมัคร"},
     "ออฟไลน์ · อัปเดตเมื่อ {t}"},
    {"vi",
     PL_NONE,
     DG_ASCII,
     W("Quét để ứng tuyển", "Ứng tuyển qua email", "Vị trí đang tuyển", "Vị trí đang tuyển",
       "Tin tuyển dụng đầy đủ dài hơn: quét mã để đọc toàn bộ.", "Đang chờ tin tuyển dụng",
       "Trình chiếu sẽ tự bắt đầu ngay khi có tin tuyển dụng.",
       "Chưa có tin nào: đang đọc các nguồn.", "Mới", "Hạn nộp hồ sơ: {d}", "Hết hạn hôm nay",
       "Tất cả vị trí tuyển dụng"),
     {NULL, NULL, "{n} vị trí — quét mã trên trang chiếu để ứng tuyển"},
     "ngoại tuyến · cập nhật lúc {t}"},
    {"id",
     PL_NONE,
     DG_ASCII,
     W("Pindai untuk melamar", "Lamar lewat email", "Lowongan terbuka", "Lowongan",
       "Lowongan lengkapnya lebih panjang: pindai kode untuk membaca semuanya.",
       "Menunggu lowongan kerja", "Tayangan slide mulai sendiri begitu lowongan masuk.",
       "Belum ada lowongan: sedang membaca sumber.", "Baru", "Lamar paling lambat {d}",
       "Ditutup hari ini", "Semua lowongan"),
     {NULL, NULL, "{n} lowongan — pindai kode di slide untuk melamar"},
     "luring · diperbarui {t}"},
    {"zh-Hans",
     PL_NONE,
     DG_ASCII,
     W("扫码申请", "发邮件申请", "招聘职位", "招聘职位", "完整职位描述更长：扫码阅读全文。",
       "正在等待招聘信息", "招聘信息一到，幻灯片会自动开始播放。", "暂无职位：正在读取来源。",
       "最新", "申请截止：{d}", "今天截止", "全部职位"),
     {NULL, NULL, "共 {n} 个职位 — 扫描幻灯片上的二维码即可申请"},
     "离线 · 更新于 {t}"},
    {"zh-Hant",
     PL_NONE,
     DG_ASCII,
     W("掃碼應徵", "以電子郵件應徵", "招募職缺", "招募職缺",
       "完整職缺內容較長：掃描 QR 碼閱讀全文。", "正在等待職缺資訊",
       "職缺資訊一到，投影片會自動開始播放。", "尚無職缺：正在讀取來源。", "最新", "應徵截止：{d}",
       "今天截止", "全部職缺"),
     {NULL, NULL, "共 {n} 個職缺 — 掃描投影片上的 QR 碼即可應徵"},
     "離線 · 更新於 {t}"},
    {"ja",
     PL_NONE,
     DG_ASCII,
     W("スキャンして応募", "メールで応募", "募集中の職種", "募集職種",
       "求人の全文はもっと長いです。コードをスキャンしてお読みください。", "求人情報を待っています",
       "求人が届きしだい、スライドショーが自動で始まります。",
       "求人はまだありません。情報源を読み込み中です。", "新着", "応募締切：{d}", "本日締切",
       "すべての求人"),
     {NULL, NULL, "求人{n}件 — スライドのコードをスキャンして応募"},
     "オフライン · {t} 更新"},
    {"ko",
     PL_NONE,
     DG_ASCII,
     W("스캔하여 지원하기", "이메일로 지원하기", "채용 중인 직무", "채용 직무",
       "전체 공고는 더 깁니다. 코드를 스캔해 전체를 읽어 보세요.", "채용 공고를 기다리는 중",
       "공고가 도착하면 슬라이드쇼가 자동으로 시작됩니다.",
       "아직 공고가 없습니다. 소스를 읽는 중입니다.", "신규", "{d}까지 지원", "오늘 마감",
       "전체 채용 공고"),
     {NULL, NULL, "채용 {n}건 — 슬라이드의 코드를 스캔해 지원하세요"},
     "오프라인 · {t} 업데이트"},
};

/* The table's entry for lang: its normal form (posting_lang_norm), a bare
 * "zh" as Simplified Chinese, else English. */
static const lang_words *find(const char *lang)
{
	char tag[POSTING_LANG_MAX];
	if (!lang || posting_lang_norm(lang, (size_t)-1, tag) <= 0)
		return &table[0];
	if (!strcmp(tag, "zh"))
		return find("zh-Hans");
	for (size_t i = 0; i < JK_ARRAY_LEN(table); i++)
		if (!strcmp(tag, table[i].tag))
			return &table[i];
	return &table[0];
}

const char *text_lang_known(const char *lang)
{
	const lang_words *l = find(lang);
	char tag[POSTING_LANG_MAX];
	bool en = lang && posting_lang_norm(lang, (size_t)-1, tag) > 0 && !strcmp(tag, "en");
	return l != &table[0] || en ? l->tag : NULL;
}

size_t text_lang_count(void)
{
	return JK_ARRAY_LEN(table);
}

const char *text_lang_at(size_t i)
{
	return i < JK_ARRAY_LEN(table) ? table[i].tag : NULL;
}

const char *text_word_get(const char *lang, text_word w)
{
	if ((unsigned)w >= TEXT_W_COUNT)
		return "";
	return find(lang)->w[w];
}

/* A capped writer: whole code points only, always NUL-terminated. */
typedef struct out_buf {
	char *p;
	size_t cap, len;
} out_buf;

static void put(out_buf *o, const char *s, size_t n)
{
	if (!o->cap)
		return;
	if (o->len + n >= o->cap) {
		n = o->cap - 1 - o->len;
		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--; /* never half a character */
		memcpy(o->p + o->len, s, n);
		o->len += n;
		o->cap = o->len + 1; /* full: nothing more goes in */
	} else {
		memcpy(o->p + o->len, s, n);
		o->len += n;
	}
	o->p[o->len] = '\0';
}

/* v in the language's digits, at least width of them (zero-padded). */
static void put_number(out_buf *o, const lang_words *l, unsigned long long v, int width)
{
	static const char *const zero[] = {"0", "\xD9\xA0", "\xDB\xB0", "\xE0\xA7\xA6"};
	char d[24];
	int n = 0;
	do {
		d[n++] = (char)(v % 10);
		v /= 10;
	} while (v && n < 24);
	while (n < width && n < 24)
		d[n++] = 0;
	while (n-- > 0) {
		char c[4];
		size_t k = strlen(zero[l->dg]);
		memcpy(c, zero[l->dg], k);
		c[k - 1] = (char)(c[k - 1] + d[n]); /* each script's digits are consecutive */
		put(o, c, k);
	}
}

/* Template t with "{n}" as v, "{t}" as hh:mm (in l's digits) and "{d}"
 * as date (borrowed, copied as it is; NULL: nothing). */
static size_t expand(const lang_words *l, const char *t, unsigned long long v, int hh, int mm,
                     const char *date, char *out, size_t cap)
{
	out_buf o = {out, cap, 0};
	if (cap)
		out[0] = '\0';
	while (*t) {
		const char *brace = strchr(t, '{');
		size_t k = brace ? (size_t)(brace - t) : strlen(t);
		put(&o, t, k);
		t += k;
		if (!brace)
			break;
		if (!strncmp(t, "{n}", 3)) {
			put_number(&o, l, v, 1);
		} else if (!strncmp(t, "{t}", 3)) {
			put_number(&o, l, (unsigned long long)hh, 2);
			put(&o, ":", 1);
			put_number(&o, l, (unsigned long long)mm, 2);
		} else if (!strncmp(t, "{d}", 3)) {
			if (date)
				put(&o, date, strlen(date));
		} else {
			put(&o, t, 1);
			t++;
			continue;
		}
		t += 3;
	}
	return o.len;
}

/* The form (0 one, 1 few, 2 other) of n in l. */
static int form_of(const lang_words *l, size_t n)
{
	size_t t = n % 10, h = n % 100;
	switch (l->pl) {
	case PL_ONE:
		return n == 1 ? 0 : 2;
	case PL_FR:
		return n <= 1 ? 0 : 2;
	case PL_EAST:
		return t == 1 && h != 11 ? 0 : t >= 2 && t <= 4 && (h < 12 || h > 14) ? 1 : 2;
	case PL_POLISH:
		return n == 1 ? 0 : t >= 2 && t <= 4 && (h < 12 || h > 14) ? 1 : 2;
	case PL_NONE:
		break;
	}
	return 2;
}

size_t text_word_roles(const char *lang, size_t n, char *out, size_t cap)
{
	const lang_words *l = find(lang);
	int f = form_of(l, n);
	const char *t = l->roles[f] ? l->roles[f] : l->roles[2];
	return expand(l, t, n, 0, 0, NULL, out, cap);
}

size_t text_word_page(const char *lang, size_t k, size_t n, char *out, size_t cap)
{
	const lang_words *l = find(lang);
	out_buf o = {out, cap, 0};
	if (cap)
		out[0] = '\0';
	put_number(&o, l, k, 1);
	put(&o, " / ", 3);
	put_number(&o, l, n, 1);
	return o.len;
}

size_t text_word_offline(const char *lang, int hh, int mm, char *out, size_t cap)
{
	const lang_words *l = find(lang);
	hh = hh < 0 || hh > 23 ? 0 : hh;
	mm = mm < 0 || mm > 59 ? 0 : mm;
	return expand(l, l->offline, 0, hh, mm, NULL, out, cap);
}

size_t text_word_apply_by(const char *lang, const char *date, char *out, size_t cap)
{
	const lang_words *l = find(lang);
	return expand(l, l->w[TEXT_W_APPLY_BY], 0, 0, 0, date ? date : "", out, cap);
}
