//! The fixed texts of the consultation-hours flyer in each of its languages.
//! Written for people who may read German badly: short sentences, plain
//! words. The office's own texts (name, location, operator, programme) are
//! never translated; they come from `quartier.toml` as written.
//!
//! Each translation was written from the German and read back (see
//! docs/FLYER.md for the back-translations); change one only together with
//! a speaker of that language.

/// The fixed texts of one flyer page.
#[derive(Debug, Clone, Copy)]
pub struct Texts {
    /// The page's language (ISO 639-1).
    pub code: &'static str,
    /// Written right to left (Arabic, Farsi).
    pub rtl: bool,
    pub title: &'static str,
    pub intro: &'static str,
    pub help: &'static str,
    pub asylum: &'static str,
    pub organisation: &'static str,
    pub other: &'static str,
    pub languages: &'static str,
    pub place: &'static str,
    pub walk_in: &'static str,
    pub operator: &'static str,
    pub funding: &'static str,
}

/// Every flyer language, in the order `flyer --help` names them.
pub const ALL: &[Texts] = &[
    Texts {
        code: "de",
        rtl: false,
        title: "Sprechstunden",
        intro: "Kostenlose und vertrauliche Beratung im Stadtteil",
        help: "Wir beraten zu Aufenthalt, Sprachkursen, Arbeit und Ausbildung, Anerkennung von Abschlüssen, Schule und Kita, Wohnen, Gesundheit und Behördenpost – und zeigen Ihnen, wer im Stadtteil weiterhilft.",
        asylum: "Offene Sprechstunde für Bewohnerinnen und Bewohner",
        organisation: "Sprechstunde für Vereine, Kitas, Schulen und andere Organisationen: interkulturelle Öffnung",
        other: "Sprechstunde",
        languages: "Sprachen",
        place: "Ort",
        walk_in: "Ohne Termin – kommen Sie einfach vorbei.",
        operator: "Träger",
        funding: "Förderung",
    },
    Texts {
        code: "en",
        rtl: false,
        title: "Consultation hours",
        intro: "Free and confidential advice in the neighbourhood",
        help: "We advise on residence, language courses, work and vocational training, recognition of qualifications, school and daycare, housing, health and letters from the authorities – and show you who else in the neighbourhood can help.",
        asylum: "Open consultation hour for residents",
        organisation: "Consultation hour for clubs, daycare centres, schools and other organisations: intercultural opening",
        other: "Consultation hour",
        languages: "Languages",
        place: "Where",
        walk_in: "No appointment needed – just drop in.",
        operator: "Run by",
        funding: "Funded by",
    },
    Texts {
        code: "ar",
        rtl: true,
        title: "مواعيد الاستشارة",
        intro: "استشارة مجانية وسرية في الحي",
        help: "نقدّم الاستشارة في مسائل الإقامة ودورات اللغة والعمل والتدريب المهني والاعتراف بالشهادات والمدرسة وروضة الأطفال والسكن والصحة ورسائل الدوائر الرسمية، ونرشدكم إلى من يمكنه مساعدتكم في الحي.",
        asylum: "استشارة مفتوحة لسكان الحي",
        organisation: "استشارة للجمعيات ورياض الأطفال والمدارس والمؤسسات الأخرى: الانفتاح بين الثقافات",
        other: "استشارة",
        languages: "اللغات",
        place: "المكان",
        walk_in: "دون موعد مسبق – تفضلوا بزيارتنا.",
        operator: "الجهة المسؤولة",
        funding: "التمويل",
    },
    Texts {
        code: "fa",
        rtl: true,
        title: "ساعات مشاوره",
        intro: "مشاورهٔ رایگان و محرمانه در محله",
        help: "ما در زمینهٔ اقامت، کلاس‌های زبان، کار و آموزش حرفه‌ای، ارزشیابی مدارک تحصیلی، مدرسه و مهدکودک، مسکن، سلامت و نامه‌های اداری مشاوره می‌دهیم و به شما نشان می‌دهیم چه کسی در محله می‌تواند کمک کند.",
        asylum: "مشاورهٔ آزاد برای ساکنان محله",
        organisation: "مشاوره برای انجمن‌ها، مهدکودک‌ها، مدارس و سازمان‌های دیگر: گشایش میان‌فرهنگی",
        other: "مشاوره",
        languages: "زبان‌ها",
        place: "مکان",
        walk_in: "بدون وقت قبلی – کافی است سری به ما بزنید.",
        operator: "مجری",
        funding: "تأمین مالی",
    },
    Texts {
        code: "ru",
        rtl: false,
        title: "Часы консультаций",
        intro: "Бесплатные и конфиденциальные консультации в районе",
        help: "Мы консультируем по вопросам пребывания, языковых курсов, работы и профессионального обучения, признания дипломов, школы и детского сада, жилья, здоровья и писем из ведомств — и подскажем, кто ещё в районе может помочь.",
        asylum: "Открытая консультация для жителей района",
        organisation: "Консультация для клубов, детских садов, школ и других организаций: межкультурная открытость",
        other: "Консультация",
        languages: "Языки",
        place: "Место",
        walk_in: "Без записи — просто приходите.",
        operator: "Организатор",
        funding: "Финансирование",
    },
    Texts {
        code: "uk",
        rtl: false,
        title: "Години консультацій",
        intro: "Безкоштовні та конфіденційні консультації в районі",
        help: "Ми консультуємо з питань перебування, мовних курсів, роботи та професійного навчання, визнання дипломів, школи та дитячого садка, житла, здоров’я та листів від установ — і підкажемо, хто ще в районі може допомогти.",
        asylum: "Відкрита консультація для мешканців району",
        organisation: "Консультація для клубів, дитячих садків, шкіл та інших організацій: міжкультурна відкритість",
        other: "Консультація",
        languages: "Мови",
        place: "Місце",
        walk_in: "Без запису — просто приходьте.",
        operator: "Організатор",
        funding: "Фінансування",
    },
    Texts {
        code: "tr",
        rtl: false,
        title: "Danışma saatleri",
        intro: "Mahallede ücretsiz ve gizli danışmanlık",
        help: "Oturum, dil kursları, iş ve meslek eğitimi, diploma denkliği, okul ve kreş, konut, sağlık ve resmi yazışmalar konularında danışmanlık veriyor, mahallede size kimin yardımcı olabileceğini gösteriyoruz.",
        asylum: "Mahalle sakinleri için açık danışma saati",
        organisation: "Dernekler, kreşler, okullar ve diğer kurumlar için danışma saati: kültürlerarası açılım",
        other: "Danışma saati",
        languages: "Diller",
        place: "Yer",
        walk_in: "Randevu gerekmez – uğramanız yeterli.",
        operator: "Yürütücü kurum",
        funding: "Finansman",
    },
];

/// The texts of `code`, if the flyer has that language.
pub fn of(code: &str) -> Option<&'static Texts> {
    ALL.iter().find(|t| t.code == code)
}

/// "de, en, ar, …" for help and errors.
pub fn codes() -> String {
    ALL.iter().map(|t| t.code).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_text_and_only_arabic_and_farsi_are_rtl() {
        for t in ALL {
            for text in [
                t.title,
                t.intro,
                t.help,
                t.asylum,
                t.organisation,
                t.other,
                t.languages,
                t.place,
                t.walk_in,
                t.operator,
                t.funding,
            ] {
                assert!(!text.trim().is_empty(), "{}", t.code);
            }
            assert_eq!(t.rtl, matches!(t.code, "ar" | "fa"), "{}", t.code);
            // No page may carry another page's words by copy and paste.
            if t.code != "de" {
                assert_ne!(t.title, of("de").unwrap().title, "{}", t.code);
            }
        }
        assert_eq!(codes(), "de, en, ar, fa, ru, uk, tr");
    }

    #[test]
    fn right_to_left_texts_are_written_in_their_script() {
        let arabic_script = |s: &str| s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        for code in ["ar", "fa"] {
            let t = of(code).unwrap();
            assert!(arabic_script(t.title) && arabic_script(t.help), "{code}");
        }
        let cyrillic = |s: &str| s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
        assert!(cyrillic(of("ru").unwrap().help) && cyrillic(of("uk").unwrap().help));
        // Ukrainian letters that Russian does not have.
        assert!(of("uk").unwrap().help.contains('і'));
    }
}
