// The one home of the clean area's vocabulary: phrase tables in many
// languages, the regular expressions for credits, copyright, timings, bylines
// and datelines, and the classifier's thresholds. The classifier
// (classify.cc) compiles these once; nothing else in the area holds words or
// magic numbers.
//
// Phrases are matched against a line's key: lowercased, white space
// collapsed, non-word characters trimmed at both ends ("» Baca Juga:" has the
// key "baca juga"). `exact` phrases are widget labels that make up a whole
// line; `prefix` phrases open a line ("baca juga: <title>"); `contains`
// phrases are notices that may sit inside a longer line ("all rights
// reserved"). A prefix phrase ending in ':' needs the colon ("tag:" but not
// "Tag der offenen Tür"). A phrase match alone never removes a body paragraph inside the
// body span (see classify.cc), except a subscription prompt of at most
// Limits::prompt_max_words words.
#include "vocabulary.h"

namespace saring::clean::vocab {

namespace {

using R = Reason;
constexpr Match E = Match::exact;
constexpr Match P = Match::prefix;
constexpr Match C = Match::contains;

constexpr Phrase kPhrases[] = {
    // ---- placeholders ----------------------------------------------------
    {"loading", E, R::placeholder}, {"loading please wait", E, R::placeholder},
    {"please wait", E, R::placeholder}, {"memuat", E, R::placeholder},
    {"sedang memuat", E, R::placeholder}, {"mohon tunggu", E, R::placeholder},
    {"sila tunggu", E, R::placeholder}, {"wird geladen", E, R::placeholder},
    {"lädt", E, R::placeholder}, {"laden", E, R::placeholder},
    {"bitte warten", E, R::placeholder}, {"chargement", E, R::placeholder},
    {"chargement en cours", E, R::placeholder}, {"cargando", E, R::placeholder},
    {"carregando", E, R::placeholder}, {"caricamento", E, R::placeholder},
    {"caricamento in corso", E, R::placeholder}, {"bezig met laden", E, R::placeholder},
    {"ładowanie", E, R::placeholder}, {"wczytywanie", E, R::placeholder},
    {"загрузка", E, R::placeholder}, {"yükleniyor", E, R::placeholder},
    {"読み込み中", E, R::placeholder}, {"加载中", E, R::placeholder},
    {"image", E, R::placeholder}, {"img", E, R::placeholder}, {"inline", E, R::placeholder},
    {"video", E, R::placeholder}, {"embedded video", E, R::placeholder},
    {"javascript is disabled", C, R::placeholder},
    {"please enable javascript", C, R::placeholder},
    {"your browser does not support", C, R::placeholder},
    {"javascript muss aktiviert", C, R::placeholder},

    // ---- UI widgets ------------------------------------------------------
    {"a a a", E, R::ui_widget}, {"font size", P, R::ui_widget},
    {"text size", P, R::ui_widget}, {"ukuran font", P, R::ui_widget},
    {"ukuran teks", P, R::ui_widget}, {"saiz fon", P, R::ui_widget},
    {"schriftgröße", P, R::ui_widget}, {"taille du texte", P, R::ui_widget},
    {"taille de police", P, R::ui_widget}, {"tamaño de letra", P, R::ui_widget},
    {"tamaño de fuente", P, R::ui_widget}, {"tamanho da fonte", P, R::ui_widget},
    {"dimensione testo", P, R::ui_widget}, {"lettergrootte", P, R::ui_widget},
    {"rozmiar czcionki", P, R::ui_widget}, {"размер шрифта", P, R::ui_widget},
    {"yazı boyutu", P, R::ui_widget}, {"文字サイズ", P, R::ui_widget},
    {"print", E, R::ui_widget}, {"print this article", E, R::ui_widget},
    {"print article", E, R::ui_widget}, {"cetak", E, R::ui_widget},
    {"cetak berita", E, R::ui_widget}, {"drucken", E, R::ui_widget},
    {"artikel drucken", E, R::ui_widget}, {"imprimer", E, R::ui_widget},
    {"imprimir", E, R::ui_widget}, {"stampa", E, R::ui_widget},
    {"afdrukken", E, R::ui_widget}, {"drukuj", E, R::ui_widget},
    {"печать", E, R::ui_widget}, {"yazdır", E, R::ui_widget},
    {"read more", E, R::ui_widget}, {"continue reading", E, R::ui_widget},
    {"show more", E, R::ui_widget}, {"load more", E, R::ui_widget},
    {"see more", E, R::ui_widget}, {"view all", E, R::ui_widget},
    {"back to top", E, R::ui_widget}, {"scroll to top", E, R::ui_widget},
    {"selengkapnya", E, R::ui_widget}, {"baca selengkapnya", E, R::ui_widget},
    {"tampilkan semua", E, R::ui_widget}, {"lihat semua", E, R::ui_widget},
    {"muat lebih banyak", E, R::ui_widget}, {"kembali ke atas", E, R::ui_widget},
    {"baca lagi", E, R::ui_widget}, {"lihat lagi", E, R::ui_widget},
    {"weiterlesen", E, R::ui_widget}, {"mehr lesen", E, R::ui_widget},
    {"mehr anzeigen", E, R::ui_widget}, {"alle anzeigen", E, R::ui_widget},
    {"nach oben", E, R::ui_widget}, {"zurück", E, R::ui_widget},
    {"lire la suite", E, R::ui_widget}, {"voir plus", E, R::ui_widget},
    {"en savoir plus", E, R::ui_widget}, {"retour en haut", E, R::ui_widget},
    {"leer más", E, R::ui_widget}, {"ver más", E, R::ui_widget},
    {"seguir leyendo", E, R::ui_widget}, {"volver arriba", E, R::ui_widget},
    {"leia mais", E, R::ui_widget}, {"ver mais", E, R::ui_widget},
    {"continua a leggere", E, R::ui_widget}, {"leggi tutto", E, R::ui_widget},
    {"lees meer", E, R::ui_widget}, {"lees verder", E, R::ui_widget},
    {"czytaj więcej", E, R::ui_widget}, {"czytaj dalej", E, R::ui_widget},
    {"читать далее", E, R::ui_widget}, {"подробнее", E, R::ui_widget},
    {"devamını oku", E, R::ui_widget}, {"devamı", E, R::ui_widget},
    {"続きを読む", E, R::ui_widget}, {"もっと見る", E, R::ui_widget},
    {"zoom", E, R::ui_widget}, {"close", E, R::ui_widget}, {"tutup", E, R::ui_widget},
    {"schließen", E, R::ui_widget}, {"fermer", E, R::ui_widget}, {"cerrar", E, R::ui_widget},
    {"toggle navigation", E, R::ui_widget}, {"search", E, R::ui_widget},
    {"cari", E, R::ui_widget}, {"suche", E, R::ui_widget}, {"rechercher", E, R::ui_widget},
    {"buscar", E, R::ui_widget}, {"cerca", E, R::ui_widget}, {"zoeken", E, R::ui_widget},
    {"szukaj", E, R::ui_widget}, {"поиск", E, R::ui_widget}, {"ara", E, R::ui_widget},
    {"listen to this article", P, R::ui_widget}, {"dengarkan berita", P, R::ui_widget},
    {"artikel anhören", P, R::ui_widget}, {"écouter cet article", P, R::ui_widget},

    // ---- share widgets ---------------------------------------------------
    {"share this", P, R::share_widget}, {"share this article", E, R::share_widget},
    {"share on", P, R::share_widget}, {"share via", P, R::share_widget},
    {"bagikan artikel", P, R::share_widget}, {"bagikan ke", P, R::share_widget},
    {"bagikan berita", P, R::share_widget}, {"kongsi artikel", P, R::share_widget},
    {"artikel teilen", P, R::share_widget}, {"teilen auf", P, R::share_widget},
    {"partager sur", P, R::share_widget}, {"partager cet article", P, R::share_widget},
    {"compartir en", P, R::share_widget}, {"compartilhar no", P, R::share_widget},
    {"condividi su", P, R::share_widget}, {"deel dit", P, R::share_widget},
    {"udostępnij na", P, R::share_widget}, {"поделиться в", P, R::share_widget},
    {"copy link", E, R::share_widget}, {"salin link", E, R::share_widget},
    {"salin tautan", E, R::share_widget}, {"link kopieren", E, R::share_widget},
    {"copier le lien", E, R::share_widget}, {"copiar enlace", E, R::share_widget},

    // ---- related links ---------------------------------------------------
    {"baca juga", P, R::related_links}, {"baca berita terkait", P, R::related_links},
    {"baca berita terkait lainnya", P, R::related_links},
    {"berita terkait", P, R::related_links}, {"artikel terkait", P, R::related_links},
    {"berita lainnya", P, R::related_links}, {"berita terkini", E, R::related_links},
    {"berita populer", E, R::related_links}, {"terpopuler", E, R::related_links},
    {"rekomendasi", E, R::related_links}, {"pilihan editor", E, R::related_links},
    {"artikel berkaitan", P, R::related_links}, {"berita berkaitan", P, R::related_links},
    {"baca lagi", P, R::related_links}, {"artikel lain", P, R::related_links},
    {"related articles", P, R::related_links}, {"related stories", P, R::related_links},
    {"related news", P, R::related_links}, {"related posts", P, R::related_links},
    {"related", E, R::related_links}, {"related coverage", P, R::related_links},
    {"related content", P, R::related_links}, {"read also", P, R::related_links},
    {"read more", P, R::related_links}, {"also read", P, R::related_links},
    {"see also", P, R::related_links}, {"you may also like", P, R::related_links},
    {"you might also like", P, R::related_links}, {"more from", P, R::related_links},
    {"more stories", P, R::related_links}, {"most read", E, R::related_links},
    {"most popular", E, R::related_links}, {"trending", E, R::related_links},
    {"recommended", E, R::related_links}, {"latest news", E, R::related_links},
    {"recent posts", E, R::related_links}, {"popular posts", E, R::related_links},
    {"lesen sie auch", P, R::related_links}, {"lesen sie mehr", P, R::related_links},
    {"mehr zum thema", P, R::related_links}, {"auch interessant", P, R::related_links},
    {"das könnte sie auch interessieren", P, R::related_links},
    {"ähnliche artikel", P, R::related_links}, {"verwandte artikel", P, R::related_links},
    {"meistgelesen", E, R::related_links}, {"neueste beiträge", E, R::related_links},
    {"à lire aussi", P, R::related_links}, {"lire aussi", P, R::related_links},
    {"a lire aussi", P, R::related_links}, {"voir aussi", P, R::related_links},
    {"sur le même sujet", P, R::related_links}, {"articles similaires", P, R::related_links},
    {"les plus lus", E, R::related_links}, {"te puede interesar", P, R::related_links},
    {"noticias relacionadas", P, R::related_links}, {"lee también", P, R::related_links},
    {"lea también", P, R::related_links}, {"artículos relacionados", P, R::related_links},
    {"lo más leído", E, R::related_links}, {"leia também", P, R::related_links},
    {"veja também", P, R::related_links}, {"notícias relacionadas", P, R::related_links},
    {"leggi anche", P, R::related_links}, {"articoli correlati", P, R::related_links},
    {"potrebbe interessarti", P, R::related_links}, {"lees ook", P, R::related_links},
    {"gerelateerde artikelen", P, R::related_links}, {"czytaj też", P, R::related_links},
    {"czytaj także", P, R::related_links}, {"zobacz też", P, R::related_links},
    {"zobacz także", P, R::related_links}, {"podobne artykuły", P, R::related_links},
    {"читайте также", P, R::related_links}, {"читайте нас", P, R::related_links},
    {"похожие новости", P, R::related_links}, {"по теме", P, R::related_links},
    {"смотрите также", P, R::related_links}, {"ilgili haberler", P, R::related_links},
    {"bunlar da ilginizi çekebilir", P, R::related_links},
    {"関連記事", P, R::related_links}, {"相关文章", P, R::related_links},
    {"相关新闻", P, R::related_links},

    // ---- navigation ------------------------------------------------------
    {"home", E, R::navigation}, {"homepage", E, R::navigation}, {"menu", E, R::navigation},
    {"main menu", E, R::navigation}, {"navigation", E, R::navigation},
    {"skip to content", P, R::navigation}, {"skip to main content", P, R::navigation},
    {"skip navigation", P, R::navigation}, {"jump to", P, R::navigation},
    {"beranda", E, R::navigation}, {"halaman utama", E, R::navigation},
    {"laman utama", E, R::navigation}, {"utama", E, R::navigation},
    {"startseite", E, R::navigation}, {"zum inhalt springen", P, R::navigation},
    {"direkt zum inhalt", P, R::navigation}, {"zur navigation", P, R::navigation},
    {"accueil", E, R::navigation}, {"aller au contenu", P, R::navigation},
    {"inicio", E, R::navigation}, {"ir al contenido", P, R::navigation},
    {"página inicial", E, R::navigation}, {"ir para o conteúdo", P, R::navigation},
    {"pagina iniziale", E, R::navigation}, {"vai al contenuto", P, R::navigation},
    {"naar de inhoud", P, R::navigation}, {"strona główna", E, R::navigation},
    {"przejdź do treści", P, R::navigation}, {"главная", E, R::navigation},
    {"перейти к содержимому", P, R::navigation}, {"ana sayfa", E, R::navigation},
    {"anasayfa", E, R::navigation}, {"içeriğe geç", P, R::navigation},
    {"previous", E, R::navigation}, {"next", E, R::navigation},
    {"previous article", P, R::navigation}, {"next article", P, R::navigation},
    {"previous post", P, R::navigation}, {"next post", P, R::navigation},
    {"sebelumnya", E, R::navigation}, {"berikutnya", E, R::navigation},
    {"artikel sebelumnya", P, R::navigation}, {"artikel selanjutnya", P, R::navigation},
    {"vorheriger artikel", P, R::navigation}, {"nächster artikel", P, R::navigation},
    {"article précédent", P, R::navigation}, {"article suivant", P, R::navigation},
    {"artículo anterior", P, R::navigation}, {"artículo siguiente", P, R::navigation},
    {"about us", E, R::navigation}, {"contact us", E, R::navigation},
    {"contact", E, R::navigation}, {"privacy policy", E, R::navigation},
    {"terms of use", E, R::navigation}, {"terms of service", E, R::navigation},
    {"terms and conditions", E, R::navigation}, {"sitemap", E, R::navigation},
    {"site map", E, R::navigation}, {"tentang kami", E, R::navigation},
    {"hubungi kami", E, R::navigation}, {"kebijakan privasi", E, R::navigation},
    {"pedoman media siber", E, R::navigation}, {"redaksi", E, R::navigation},
    {"info iklan", E, R::navigation}, {"karir", E, R::navigation},
    {"disclaimer", E, R::navigation}, {"impressum", E, R::navigation},
    {"datenschutz", E, R::navigation}, {"datenschutzerklärung", E, R::navigation},
    {"kontakt", E, R::navigation}, {"agb", E, R::navigation},
    {"mentions légales", E, R::navigation}, {"politique de confidentialité", E, R::navigation},
    {"nous contacter", E, R::navigation}, {"aviso legal", E, R::navigation},
    {"política de privacidad", E, R::navigation}, {"contacto", E, R::navigation},
    {"política de privacidade", E, R::navigation}, {"contato", E, R::navigation},
    {"contatti", E, R::navigation}, {"privacybeleid", E, R::navigation},
    {"polityka prywatności", E, R::navigation}, {"kontakty", E, R::navigation},
    {"контакты", E, R::navigation}, {"о нас", E, R::navigation},
    {"iletişim", E, R::navigation}, {"hakkımızda", E, R::navigation},
    {"you are here", P, R::navigation}, {"sie sind hier", P, R::navigation},
    {"vous êtes ici", P, R::navigation}, {"anda di sini", P, R::navigation},
    {"categories", E, R::navigation}, {"kategori", E, R::navigation},
    {"kategorien", E, R::navigation}, {"archives", E, R::navigation},
    {"archiv", E, R::navigation}, {"arsip", E, R::navigation},

    // ---- advertisement ---------------------------------------------------
    {"advertisement", E, R::advertisement}, {"advertising", E, R::advertisement},
    {"sponsored", E, R::advertisement}, {"sponsored content", E, R::advertisement},
    {"ad", E, R::advertisement}, {"ads", E, R::advertisement},
    {"scroll to continue with content", E, R::advertisement},
    {"scroll to continue", E, R::advertisement},
    {"continue reading below", E, R::advertisement},
    {"story continues below", P, R::advertisement},
    {"article continues below", P, R::advertisement},
    {"iklan", E, R::advertisement}, {"advertorial", E, R::advertisement},
    {"gulir ke bawah untuk melanjutkan", P, R::advertisement},
    {"scroll untuk melanjutkan", P, R::advertisement},
    {"lanjutkan membaca", P, R::advertisement},
    {"anzeige", E, R::advertisement}, {"werbung", E, R::advertisement},
    {"publicité", E, R::advertisement}, {"publicidad", E, R::advertisement},
    {"publicidade", E, R::advertisement}, {"pubblicità", E, R::advertisement},
    {"advertentie", E, R::advertisement}, {"reklama", E, R::advertisement},
    {"реклама", E, R::advertisement}, {"reklam", E, R::advertisement},
    {"広告", E, R::advertisement}, {"广告", E, R::advertisement},

    // ---- cookie / privacy banners -----------------------------------------
    {"we use cookies", C, R::cookie_notice}, {"this website uses cookies", C, R::cookie_notice},
    {"this site uses cookies", C, R::cookie_notice}, {"uses cookies to", C, R::cookie_notice},
    {"accept cookies", C, R::cookie_notice}, {"accept all cookies", C, R::cookie_notice},
    {"cookie settings", C, R::cookie_notice}, {"cookie policy", E, R::cookie_notice},
    {"kami menggunakan cookie", C, R::cookie_notice},
    {"situs ini menggunakan cookie", C, R::cookie_notice},
    {"laman ini menggunakan kuki", C, R::cookie_notice},
    {"wir verwenden cookies", C, R::cookie_notice}, {"verwendet cookies", C, R::cookie_notice},
    {"nutzt cookies", C, R::cookie_notice}, {"cookies akzeptieren", C, R::cookie_notice},
    {"nous utilisons des cookies", C, R::cookie_notice},
    {"utilise des cookies", C, R::cookie_notice},
    {"utilizamos cookies", C, R::cookie_notice}, {"usamos cookies", C, R::cookie_notice},
    {"utiliza cookies", C, R::cookie_notice}, {"utilizziamo i cookie", C, R::cookie_notice},
    {"utilizza cookie", C, R::cookie_notice}, {"wij gebruiken cookies", C, R::cookie_notice},
    {"maakt gebruik van cookies", C, R::cookie_notice},
    {"używamy plików cookie", C, R::cookie_notice},
    {"używa plików cookie", C, R::cookie_notice},
    {"мы используем файлы cookie", C, R::cookie_notice},
    {"использует файлы cookie", C, R::cookie_notice},
    {"çerez kullanıyoruz", C, R::cookie_notice}, {"çerezler kullanılmaktadır", C, R::cookie_notice},
    {"accept", E, R::cookie_notice}, {"i agree", E, R::cookie_notice},
    {"got it", E, R::cookie_notice}, {"ok, i agree", E, R::cookie_notice},
    {"akzeptieren", E, R::cookie_notice}, {"alle akzeptieren", E, R::cookie_notice},
    {"j'accepte", E, R::cookie_notice}, {"tout accepter", E, R::cookie_notice},
    {"aceptar", E, R::cookie_notice}, {"aceitar", E, R::cookie_notice},
    {"accetto", E, R::cookie_notice}, {"akkoord", E, R::cookie_notice},
    {"akceptuję", E, R::cookie_notice}, {"принять", E, R::cookie_notice},
    {"kabul et", E, R::cookie_notice}, {"setuju", E, R::cookie_notice},

    // ---- subscription, login -----------------------------------------------
    {"subscribe", E, R::subscription}, {"subscribe now", E, R::subscription},
    {"sign up for our newsletter", P, R::subscription},
    {"subscribe to our newsletter", P, R::subscription}, {"newsletter", E, R::subscription},
    {"sign in", E, R::subscription}, {"log in", E, R::subscription}, {"login", E, R::subscription},
    {"register", E, R::subscription}, {"sign up", E, R::subscription},
    {"log out", E, R::subscription}, {"my account", E, R::subscription},
    {"berlangganan", E, R::subscription}, {"langganan", E, R::subscription},
    {"masuk", E, R::subscription}, {"daftar", E, R::subscription},
    {"log masuk", E, R::subscription}, {"langgan", E, R::subscription},
    {"abonnieren", E, R::subscription}, {"newsletter abonnieren", P, R::subscription},
    {"anmelden", E, R::subscription}, {"registrieren", E, R::subscription},
    {"abmelden", E, R::subscription}, {"s'abonner", E, R::subscription},
    {"abonnez-vous", P, R::subscription}, {"se connecter", E, R::subscription},
    {"connexion", E, R::subscription}, {"s'inscrire", E, R::subscription},
    {"suscríbete", P, R::subscription}, {"suscribirse", E, R::subscription},
    {"iniciar sesión", E, R::subscription}, {"registrarse", E, R::subscription},
    {"assine", E, R::subscription}, {"entrar", E, R::subscription},
    {"iscriviti", P, R::subscription}, {"accedi", E, R::subscription},
    {"abonneer", P, R::subscription}, {"inloggen", E, R::subscription},
    {"zaloguj się", E, R::subscription}, {"zarejestruj się", E, R::subscription},
    {"subskrybuj", E, R::subscription}, {"подписаться", P, R::subscription},
    {"войти", E, R::subscription}, {"регистрация", E, R::subscription},
    {"abone ol", E, R::subscription}, {"giriş yap", E, R::subscription},
    {"üye ol", E, R::subscription},

    // ---- calls to action: newsletters, trials, demos, sales ------------------
    // Prompts of at most prompt_max_words go even as sentences in the body.
    {"newsletter", C, R::subscription}, {"our mailing list", C, R::subscription},
    {"sign up for", C, R::subscription}, {"sign up to", C, R::subscription},
    {"sign up now", C, R::subscription}, {"signup", C, R::subscription},
    {"sign up or log in", C, R::subscription}, {"log in or sign up", C, R::subscription},
    {"by signing up", C, R::subscription}, {"subscribe for", C, R::subscription},
    {"to your inbox", C, R::subscription}, {"in your inbox", C, R::subscription},
    {"check your inbox", C, R::subscription}, {"confirm your subscription", C, R::subscription},
    {"receive notifications", C, R::subscription}, {"stay informed", P, R::subscription},
    {"keep up with the latest", P, R::subscription}, {"join now", P, R::subscription},
    {"free trial", C, R::subscription}, {"start free", C, R::subscription},
    {"free ebook", C, R::subscription}, {"free e-book", C, R::subscription},
    {"book a demo", C, R::subscription}, {"request a demo", C, R::subscription},
    {"schedule a demo", C, R::subscription}, {"get a demo", C, R::subscription},
    {"schedule a call", C, R::subscription}, {"book a call", C, R::subscription},
    {"discovery call", C, R::subscription}, {"strategy call", C, R::subscription},
    {"talk to an expert", C, R::subscription}, {"talk to a specialist", C, R::subscription},
    {"talk to our", C, R::subscription}, {"get a free quote", C, R::subscription},
    {"contact us today", P, R::subscription}, {"get started", P, R::subscription},
    {"donate", E, R::subscription}, {"donate now", E, R::subscription},
    {"donate today", P, R::subscription}, {"jetzt spenden", E, R::subscription},
    {"kostenlos testen", C, R::subscription}, {"essai gratuit", C, R::subscription},
    {"prueba gratuita", C, R::subscription}, {"coba gratis", C, R::subscription},

    // ---- accounts and forms ------------------------------------------------------
    {"create an account", E, R::subscription}, {"create your account", C, R::subscription},
    {"register a new account", E, R::subscription}, {"sign in now", E, R::subscription},
    {"register for free", C, R::subscription}, {"registering for free", C, R::subscription},
    {"continue with email", P, R::subscription}, {"continue with google", P, R::subscription},
    {"forgot password", P, R::subscription}, {"forgot your password", P, R::subscription},
    {"you are not logged in", P, R::subscription},
    {"your submission has been received", C, R::ui_widget},
    {"something went wrong while submitting", C, R::ui_widget},
    {"enter a valid email", C, R::ui_widget},

    // ---- forum software ------------------------------------------------------------
    {"click to expand", E, R::ui_widget}, {"be the first to comment", P, R::comments},
    {"sign in to comment", C, R::comments}, {"log in to comment", C, R::comments},
    {"joined", E, R::comments}, {"reaction score", E, R::comments},
    {"signature", E, R::comments}, {"registered user", E, R::comments},
    {"registriert seit", P, R::comments}, {"mitglied seit", P, R::comments},

    // ---- list controls, contents and related headers ------------------------------
    {"sort by", E, R::navigation}, {"sortieren nach", E, R::navigation},
    {"sort and filter", E, R::navigation}, {"filter and sort", P, R::navigation},
    {"results per page", P, R::navigation}, {"see all", P, R::ui_widget},
    {"was this page helpful", P, R::ui_widget}, {"war diese seite hilfreich", P, R::ui_widget},
    {"table of contents", E, R::navigation}, {"in this article", E, R::navigation},
    {"inhaltsverzeichnis", E, R::navigation}, {"in diesem artikel", E, R::navigation},
    {"related resources", E, R::related_links}, {"related documents", E, R::related_links},
    {"related products", E, R::related_links}, {"related topics", P, R::related_links},
    {"more like this", E, R::related_links}, {"you might like", P, R::related_links},
    {"more articles", E, R::related_links}, {"you may be interested in", P, R::related_links},
    {"recently by", P, R::related_links}, {"about the author", E, R::byline},
    {"trending", P, R::related_links}, {"related", P, R::related_links}, {"see plans", E, R::ui_widget},
    {"profile picture", C, R::placeholder},

    // ---- social --------------------------------------------------------------
    {"follow us", P, R::share_widget}, {"ikuti kami", P, R::share_widget},
    {"follow kami", P, R::share_widget}, {"folgen sie uns", P, R::share_widget},
    {"suivez-nous", P, R::share_widget}, {"síguenos", P, R::share_widget},
    {"siga-nos", P, R::share_widget}, {"seguici", P, R::share_widget},
    {"volg ons", P, R::share_widget}, {"obserwuj nas", P, R::share_widget},
    {"подписывайтесь на нас", P, R::share_widget}, {"bizi takip edin", P, R::share_widget},
    {"ikuti berita", P, R::share_widget}, {"dapatkan update berita", P, R::share_widget},
    {"get it on google play", C, R::share_widget}, {"download on the app store", C, R::share_widget},
    {"simak berita", P, R::share_widget}, {"download aplikasi", P, R::share_widget},

    // ---- comments ------------------------------------------------------------
    {"comments", E, R::comments}, {"leave a comment", P, R::comments},
    {"leave a reply", P, R::comments}, {"post a comment", P, R::comments},
    {"add a comment", P, R::comments}, {"no comments", P, R::comments},
    {"komentar", E, R::comments}, {"tulis komentar", P, R::comments},
    {"kommentare", E, R::comments}, {"kommentar schreiben", P, R::comments},
    {"schreibe einen kommentar", P, R::comments}, {"commentaires", E, R::comments},
    {"laisser un commentaire", P, R::comments}, {"comentarios", E, R::comments},
    {"deja un comentario", P, R::comments}, {"comentários", E, R::comments},
    {"deixe um comentário", P, R::comments}, {"commenti", E, R::comments},
    {"lascia un commento", P, R::comments}, {"reacties", E, R::comments},
    {"komentarze", E, R::comments}, {"dodaj komentarz", P, R::comments},
    {"комментарии", E, R::comments}, {"yorumlar", E, R::comments},
    {"yorum yap", P, R::comments}, {"コメント", E, R::comments},

    // ---- credits closing an article ---------------------------------------
    {"reporting by", P, R::byline}, {"additional reporting by", P, R::byline},
    {"editing by", P, R::byline}, {"writing by", P, R::byline}, {"compiled by", P, R::byline},
    {"our standards", P, R::navigation}, {"mitarbeit", P, R::byline},
    {"editor:", P, R::byline}, {"penyunting", P, R::byline}, {"pewarta", P, R::byline},

    // ---- tags ----------------------------------------------------------------
    {"tags", P, R::tags}, {"tag:", P, R::tags}, {"topik", P, R::tags}, {"topik terkait", P, R::tags},
    {"schlagwörter", P, R::tags}, {"schlagworte", P, R::tags}, {"themen:", P, R::tags},
    {"étiquettes", P, R::tags}, {"mots-clés", P, R::tags}, {"etiquetas", P, R::tags},
    {"palavras-chave", P, R::tags}, {"parole chiave", P, R::tags}, {"trefwoorden", P, R::tags},
    {"tagi:", P, R::tags}, {"теги", P, R::tags}, {"метки", P, R::tags}, {"etiketler", P, R::tags},
    {"filed under", P, R::tags}, {"posted in", P, R::tags},


    // ---- blog and shop furniture (WordPress, Blogger, shop themes) ---------
    {"ähnliche beiträge", P, R::related_links}, {"ähnliche posts", P, R::related_links},
    {"weitere artikel", P, R::related_links}, {"weitere beiträge", P, R::related_links},
    {"das könnte dich auch interessieren", P, R::related_links},
    {"das thema könnte dich auch interessieren", P, R::related_links},
    {"könnte sie auch interessieren", C, R::related_links},
    {"sie könnten auch an folgenden artikeln interessiert sein", P, R::related_links},
    {"aktuelle berichte aus dieser kategorie", P, R::related_links},
    {"similar posts", P, R::related_links}, {"you may also be interested in", P, R::related_links},
    {"you might be interested in", P, R::related_links}, {"vous aimerez aussi", P, R::related_links},
    {"vous pourriez aussi aimer", P, R::related_links}, {"también te puede gustar", P, R::related_links},
    {"post correlati", P, R::related_links}, {"artikel lainnya", P, R::related_links},
    {"anda mungkin juga suka", P, R::related_links}, {"możesz też polubić", P, R::related_links},
    {"вам также может понравиться", P, R::related_links}, {"bunlar da ilginizi", P, R::related_links},
    {"hinterlasse eine antwort", P, R::comments}, {"hinterlasse einen kommentar", P, R::comments},
    {"kommentar abbrechen", C, R::comments}, {"antworten abbrechen", C, R::comments},
    {"cancel reply", C, R::comments}, {"kommentieren", E, R::comments}, {"antworten", E, R::comments},
    {"reply", E, R::comments}, {"replydelete", E, R::comments}, {"delete", E, R::comments},
    {"balas", E, R::comments}, {"répondre", E, R::comments}, {"responder", E, R::comments},
    {"rispondi", E, R::comments}, {"odpowiedz", E, R::comments}, {"ответить", E, R::comments},
    {"yanıtla", E, R::comments}, {"was denkst du", E, R::comments},
    {"what do you think", E, R::comments}, {"bagaimana menurut anda", E, R::comments},
    {"pingback", P, R::comments}, {"trackback", P, R::comments}, {"comment by", P, R::comments},
    {"kommentar von", P, R::comments}, {"diskussion zu diesem artikel", P, R::comments},
    {"this site uses akismet", P, R::comments}, {"diese website verwendet akismet", P, R::comments},
    {"post comments", P, R::comments}, {"kommentare zum post", C, R::comments},
    {"newer post", P, R::navigation}, {"older post", P, R::navigation},
    {"neuerer post", P, R::navigation}, {"älterer post", P, R::navigation},
    {"zurück zur übersicht", E, R::navigation}, {"back to overview", E, R::navigation},
    {"back to list", E, R::navigation}, {"retour à la liste", E, R::navigation},
    {"volver al listado", E, R::navigation}, {"kembali ke daftar", E, R::navigation},
    {"lade weitere inhalte", P, R::ui_widget}, {"mehr laden", E, R::ui_widget},
    {"weitere laden", E, R::ui_widget}, {"charger plus", E, R::ui_widget},
    {"cargar más", E, R::ui_widget}, {"muat lagi", E, R::ui_widget},
    {"diese geschichte teilen", P, R::share_widget}, {"diesen artikel teilen", P, R::share_widget},
    {"beitrag teilen", P, R::share_widget}, {"seite teilen", P, R::share_widget},
    {"teile diesen beitrag", P, R::share_widget}, {"empfiehl dies deinen freunden", P, R::share_widget},
    {"share this story", P, R::share_widget}, {"share this post", P, R::share_widget},
    {"share this page", P, R::share_widget}, {"partager cette page", P, R::share_widget},
    {"compartir esta noticia", P, R::share_widget}, {"twittern", E, R::share_widget},
    {"wie bewerten sie diesen artikel", P, R::ui_widget},
    {"fanden sie diesen artikel nützlich", P, R::ui_widget},
    {"war dieser artikel hilfreich", P, R::ui_widget}, {"was this article helpful", P, R::ui_widget},
    {"did you find this article useful", P, R::ui_widget}, {"rate this article", P, R::ui_widget},
    {"artikel bewerten", P, R::ui_widget}, {"cet article vous a-t-il été utile", P, R::ui_widget},
    {"¿te ha resultado útil", P, R::ui_widget}, {"apakah artikel ini bermanfaat", P, R::ui_widget},
    {"getaggt mit", P, R::tags}, {"verschlagwortet mit", P, R::tags},
    {"this entry was posted in", P, R::tags}, {"this entry was tagged", P, R::tags},
    {"dieser beitrag wurde veröffentlicht in", P, R::tags},
    {"dieser eintrag wurde veröffentlicht in", P, R::tags},
    {"ce billet a été publié dans", P, R::tags}, {"cette entrée a été publiée dans", P, R::tags},
    {"esta entrada fue publicada en", P, R::tags}, {"questa voce è stata pubblicata in", P, R::tags},
    {"bookmark the permalink", C, R::tags}, {"lesezeichen für den permalink", C, R::tags},
    {"permalink", E, R::tags}, {"permanentlink", C, R::tags},
    {"theme:", P, R::copyright}, {"wordpress theme", C, R::copyright},
    {"powered by wordpress", C, R::copyright}, {"betrieben mit wordpress", C, R::copyright},
    {"stolz präsentiert von wordpress", C, R::copyright}, {"designed by", P, R::copyright},
    {"newsletter anfordern", C, R::subscription}, {"zum newsletter anmelden", C, R::subscription},
    {"newsletter abonnieren", C, R::subscription}, {"sign up to our newsletter", C, R::subscription},
    {"subscribe to our newsletter", C, R::subscription}, {"abonnieren sie", P, R::subscription},
    {"mit der registrierung akzeptieren sie", P, R::subscription},
    {"jetzt abonnieren", E, R::subscription}, {"kostenlos registrieren", E, R::subscription},
    {"inscrivez-vous à notre newsletter", C, R::subscription},
    {"suscríbete a nuestro boletín", C, R::subscription},
    {"berlangganan newsletter", C, R::subscription},
    {"was sind cookies", E, R::cookie_notice}, {"what are cookies", E, R::cookie_notice},
    {"in stock", E, R::ui_widget}, {"out of stock", E, R::ui_widget}, {"sold out", E, R::ui_widget},
    {"en stock", E, R::ui_widget}, {"auf lager", E, R::ui_widget}, {"ausverkauft", E, R::ui_widget},
    {"buy now", P, R::ui_widget}, {"jetzt kaufen", P, R::ui_widget}, {"deliver to", P, R::ui_widget},
    {"estimated delivery", P, R::ui_widget}, {"est. delivery", P, R::ui_widget},
    {"in den warenkorb", C, R::ui_widget}, {"add to cart", C, R::ui_widget},
    {"add to basket", C, R::ui_widget}, {"ajouter au panier", C, R::ui_widget},
    {"añadir al carrito", C, R::ui_widget}, {"erfolgreich hinzugefügt", C, R::ui_widget},
    {"zur wunschliste", C, R::ui_widget}, {"add to wishlist", C, R::ui_widget},

    // ---- copyright notices (contains) ------------------------------------------
    {"all rights reserved", C, R::copyright}, {"hak cipta dilindungi", C, R::copyright},
    {"hak cipta terpelihara", C, R::copyright}, {"alle rechte vorbehalten", C, R::copyright},
    {"tous droits réservés", C, R::copyright}, {"todos los derechos reservados", C, R::copyright},
    {"todos os direitos reservados", C, R::copyright},
    {"tutti i diritti riservati", C, R::copyright}, {"alle rechten voorbehouden", C, R::copyright},
    {"wszelkie prawa zastrzeżone", C, R::copyright}, {"все права защищены", C, R::copyright},
    {"tüm hakları saklıdır", C, R::copyright}, {"無断転載", C, R::copyright},
    {"版权所有", C, R::copyright}, {"powered by", P, R::copyright},
    {"proudly powered by", P, R::copyright}, {"theme by", P, R::copyright},
};

constexpr std::string_view kShareTokens[] = {
    "share", "shares", "tweet", "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin",
    "pinterest", "reddit", "tumblr", "email", "e-mail", "mail", "line", "vk", "xing", "flipboard",
    "pocket", "messenger", "instagram", "youtube", "tiktok", "bagikan", "kongsi", "teilen",
    "partager", "compartir", "compartilhar", "condividi", "delen", "udostępnij", "поделиться",
    "paylaş", "シェア", "ツイート", "分享", "copy", "link", "print", "whatsapp,",
};

constexpr std::string_view kWidgetTokens[] = {
    "a", "a-", "a+", "-a", "+a", "aa", "aaa", "zoom", "print", "cetak", "drucken", "imprimer",
    "imprimir", "stampa", "pdf", "email", "e-mail", "font", "reset", "t", "t+", "t-",
};

constexpr std::string_view kPaginationTokens[] = {
    "next", "prev", "previous", "first", "last", "page", "halaman", "selanjutnya",
    "sebelumnya", "weiter", "zurück", "seite", "suivant", "précédent", "page", "siguiente",
    "anterior", "página", "próxima", "successivo", "precedente", "volgende", "vorige",
    "następna", "poprzednia", "strona", "далее", "назад", "страница", "sonraki", "önceki",
    "sayfa", "»", "«", "›", "‹", "...", "…",
};

// RE2 patterns. (?i) where case does not matter; \p{Lu} is an upper-case
// letter in any script.
constexpr Patterns kPatterns{
    // A line opening with a credit word and ":" or "/": "Foto: Reuters",
    // "FOTO/ANTARA/Sigid", "Photo by Jane on Unsplash", "Bild: dpa".
    .caption_lead =
        R"re((?i)^[\(\[]?\s*(?:foto|fotos|photo|photos|photograph|bild|bilder|image|images|)re"
        R"re(picture|pic|crédit photo|crédito|credit|credits|crédits|kredit foto|zdjęcie|fot\.|)re"
        R"re(фото|снимок|写真|画像|ilustrasi|illustration|illustrasjon|gambar|grafis|infografis|)re"
        R"re(video|quelle foto|image caption|image copyright|bildunterschrift|keterangan foto|)re"
        R"re(beitragsbild|titelbild|bildquelle|fotoquelle|bildnachweis|fotonachweis|image source)re"
        R"re()\s*(?:[:/|©]|by\s|von\s|oleh\s|par\s|de\s|di\s|door\s))re",
    // A credit closing a line: "(FOTO/ANTARA/Sigid Kurniawan)", "(Foto: dok)",
    // "... FOTO/SINDOnews/Ali", "(Photo: Getty Images)".
    .caption_trailer =
        R"re((?:[\(\[]\s*(?i:foto|photo|bild|image|fot\.|фото|credit|crédit|zdjęcie|gambar|)re"
        R"re(ilustrasi)\s*[:/][^()\[\]]{1,100}[\)\]]\s*\.?\s*$)|(?:\b(?:FOTO|Foto|PHOTO|Photo)\s*)re"
        R"re(/\s*\p{Lu}[^/]{0,40}(?:/[^/]{1,40}){0,3}\s*\)?\s*$)|)re"
        R"re((?:(?:^|[\s.])(?:Foto|FOTO|Photo|PHOTO|Photos|Fotos|Bild|Фото|ФОТО|Zdjęcie|Fot\.|)re"
        R"re(Crédit photo|Crédito|Credit|Gambar|Ilustrasi|Bildquelle|Quelle)\s*:\s*(?:[^.!?:]|\.\S){1,60}$)|)re"
        R"re((?:[（(](?:写真|画像|撮影|图)[：:][^）)]{1,40}[）)]\s*$))re",
    // Wire-photo credits inside a caption: "REUTERS/Kevin Lamarque",
    // "via REUTERS", "Kremlin via AP".
    .caption_agency =
        R"re((?:\b(?:REUTERS|AFP|AP|EPA|ANTARA FOTO|ANTARA|XINHUA|DPA|EPA-EFE)\s*/\s*\p{Lu})|)re"
        R"re((?:\bvia (?:REUTERS|AP|AFP|Getty Images)\s*$)|(?:\bGetty Images\s*$))re",
    // Copyright marks.
    .copyright = R"re((?i)(?:©|ⓒ|&copy;|\(c\)\s*(?:19|20)\d\d|\bcopyright\b|\bhak cipta\b))re",
    // Server timings: a verb of generating/loading, then a number and a
    // time unit; or "N queries in N seconds".
    .render_time =
        R"re((?i)(?:(?:generated|rendered|loaded|processed|created|executed|served|built|)re"
        R"re(dimuat|diproses|dibuat|dijana|erstellt|generiert|geladen|générée?|chargée?|)re"
        R"re(generada|generado|cargada|gerada|carregada|generata|caricata|gegenereerd|)re"
        R"re(wygenerowano|wygenerowana|сгенерирована|загружена|oluşturuldu|yüklendi)\b.{0,40}?)re"
        R"re(\d+(?:[.,]\d+)?\s*(?:s|sec|secs|seconds?|ms|milliseconds?|detik|saat|sekunden|)re"
        R"re(sek|secondes?|segundos?|secondi|seconden|sekund[ay]?|секунд[ыа]?|сек|saniye|秒)\b)|)re"
        R"re((?:\d+\s*(?:queries|query|abfragen|requêtes|consultas|kueri)\b.{0,30}?\d+(?:[.,]\d+)?\s*)re"
        R"re((?:s|sec|seconds?|ms|detik|sekunden|secondes?|segundos?)\b)|)re"
        R"re((?:(?:page load|load|render|rendering|generation|ladezeit|waktu muat)\s*time\s*:?\s*\d))re",
    // A line that is only editor initials: "(nng)", "(ant/dil)", "[rhs]"
    // (each part 2..6 letters, checked in code: counted repeats of \p{L}
    // make RE2's automaton too large).
    .initials_line = R"re(^[\(\[]\s*(\p{L}+(?:\s*/\s*\p{L}+){0,3})\s*[\)\]]\s*$)re",
    // Initials closing the last paragraph, lower case only so that "(UN)" and
    // "(NATO)" stay: "... kata dia. (nng)".
    .initials_trailer = R"re(\s[\(\[]\s*(\p{Ll}+(?:\s*/\s*\p{Ll}+){0,3})\s*[\)\]]\s*$)re",
    // A byline: a label, then a name of at most six words.
    .byline =
        R"re(^(?i:penulis|reporter|pewarta|wartawan|editor|redaktur|penyunting|oleh|by|written by|)re"
        R"re(posted by|author|autor|autorin|verfasser|von|par|por|door|auteur|redacción|)re"
        R"re(redaktion|redakcja|автор|yazar|fotografer|kontributor)(?:\s*[:\-–|]\s*|\s+))re"
        R"re((\p{Lu}[\p{L}\p{M}.'’\-]*(?:[\s,]+(?:\p{Lu}[\p{L}\p{M}.'’\-]*|van|de|der|bin|binti|al|)re"
        R"re(von|da|di|du|la|le|y|e|and|und|dan|&)){0,6})\s*$)re",
    // A credit line: "Sumber: Antara", "Quelle: dpa", "Source: Reuters".
    .source_line =
        R"re((?i)^(?:sumber|sumber berita|source|sources|quelle|quellen|fuente|fuentes|fonte|)re"
        R"re(fontes|źródło|bron|источник|kaynak|出典|来源)\s*[:\-–]\s*(.{1,100})$)re",
    // A dateline opening the first body paragraph: a place in capitals
    // (optionally ", <outlet>" and "(<agency>)") and a dash; or a place in
    // any case followed by an agency in brackets.
    .dateline =
        R"re(^((?:\p{Lu}[\p{L}\p{M}'’.]*)(?:[\s\-](?:\p{Lu}[\p{L}\p{M}'’.]*)){0,3})(?:,\s*([^()\-–—,]{2,40}?))?)re"
        R"re(\s*(?:\(([^()]{2,40})\))?\s*[-–—]{1,2}\s+\S)re",
    .dateline_cjk = R"re(^【([^】=＝]{1,20})(?:[=＝]([^】]{1,20}))?】)re",
    // Counters: "12 Comments", "1.2K shares", "345 kali dibaca".
    .counter =
        R"re((?i)^\d+(?:[.,]\d+)?\s*[kmrb]?\s*(?:shares?|comments?|likes?|views?|reads?|)re"
        R"re(komentar|kommentare?|commentaires?|comentarios?|comentários|commenti|reacties|)re"
        R"re(komentarzy|комментари[йяев]|yorum|kali dibaca|dibaca|views|aufrufe|vues|visitas|)re"
        R"re(visualizações|visualizzazioni|weergaven|wyświetle[ńn]|просмотр(?:ов|а)?)$)re",
    // Forum member and thread statistics, the label first: "Posts: 116",
    // "Threads: 23", "Reputation: 7", "Views 1.9k".
    .member_stat =
        R"re((?i)^(?:posts?|threads?|messages?|replies|views|reputation|reaction score|)re"
        R"re(beiträge|themen|antworten|réponses|respuestas|mensajes)\s*:?\s*)re"
        R"re(\d+(?:[.,]\d+)*\s*[km]?$)re",
    // Font-size rows: "A A A", "A- A+", "A | A | A".
    .font_widget = R"re(^(?:[Aa][+\-−]?[\s|/]*){2,4}$)re",
    // Whole line in brackets: lynx's "[IMG]", "[image]", "[logo.png]".
    .bracket_only = R"re(^\[[^\[\]]{0,80}\]$)re",
    // The rest of a date line naming an author: "Oleh Budi", "by Jane Doe".
    .date_remainder_author =
        R"re((?i)(?:^|[\s|,\-])(?:oleh|by|penulis|reporter|von|par|por)\s*:?\s*)re"
        R"re(((?-i:\p{Lu})[\p{L}\p{M}.'’\-]+(?:\s+(?-i:\p{Lu})[\p{L}\p{M}.'’\-]+){0,3}))re",
    // A comment's header: "Michael Blahm sagt:", "Jane says:".
    .comment_header =
        R"re(^\S+(?:\s\S+){0,3}\s(?:sagt|says|said|schreibt|wrote|writes|menulis|berkata|dit|)re"
        R"re(écrit|dice|escribió|disse|scrive|zegt|pisze|пишет|написал|yazdı)\s*:?\s*$)re",
    // A line that is only a time of day: "3:59 PM", "14:32 Uhr".
    .time_only = R"re((?i)^\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s*(?:uhr|wib|wita|wit|h))?$)re",
    // Form controls as text browsers print them: "(BUTTON) Suche",
    // "Search: ____________", "[ ] Remember me", "( ) Option".
    .form_widget = R"re((?:\((?:BUTTON|submit|Submit|reset)\)|_{6,}|^\[[ xX]\]\s|^\( \)\s|\[[ xX]\]$))re",
};

constexpr Limits kLimits{};

}  // namespace

std::span<const Phrase> phrases() { return kPhrases; }
std::span<const std::string_view> share_tokens() { return kShareTokens; }
std::span<const std::string_view> widget_tokens() { return kWidgetTokens; }
std::span<const std::string_view> pagination_tokens() { return kPaginationTokens; }
const Patterns& patterns() { return kPatterns; }
const Limits& limits() { return kLimits; }

}  // namespace saring::clean::vocab
