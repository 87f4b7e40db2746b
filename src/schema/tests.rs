use super::*;
use std::collections::BTreeSet;

#[test]
fn every_key_has_labels_and_help_in_both_languages() {
    for (kind, key, f) in every_field() {
        for (what, text) in [
            ("German label", f.label_de),
            ("English label", f.label_en),
            ("German help", f.help_de),
            ("English help", f.help_en),
        ] {
            assert!(
                !text.trim().is_empty(),
                "{}: key `{key}` has no {what}",
                kind.name()
            );
        }
        assert_eq!(f.flag(), f.key.replace('_', "-"));
    }
}

#[test]
fn keys_are_unique_and_conditions_name_keys_of_the_same_kind() {
    for s in all() {
        let keys: BTreeSet<_> = s.keys().into_iter().collect();
        assert_eq!(keys.len(), s.fields.len(), "{}: a key twice", s.kind.name());
        assert_eq!(s.fields[0].key, "id", "{}: id first", s.kind.name());
        for f in s.fields() {
            let conds = [
                match f.required {
                    Required::When(c) => Some(c),
                    Required::Always | Required::Never => None,
                },
                f.only_when,
                f.ty.free_words_when(),
            ];
            for c in conds.into_iter().flatten() {
                let target = s.field(c.key).unwrap_or_else(|| {
                    panic!(
                        "{}.{}: condition on unknown key {}",
                        s.kind.name(),
                        f.key,
                        c.key
                    )
                });
                if let FieldType::Code(v) = target.ty {
                    for value in c.values {
                        assert!(
                            v.contains(value),
                            "{}.{}: `{value}` is no {}",
                            s.kind.name(),
                            f.key,
                            v.name
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn free_text_is_what_spec_1_3_scans() {
    let free: BTreeSet<(Kind, &str)> = all()
        .flat_map(|s| s.free_text_fields().map(move |f| (s.kind, f.key)))
        .collect();
    for k in [
        Kind::Client,
        Kind::Appointment,
        Kind::Referral,
        Kind::Event,
        Kind::Contact,
    ] {
        assert!(free.contains(&(k, "notes")), "{} notes", k.name());
    }
    for (k, key) in [
        (Kind::Referral, "outcome"),
        (Kind::Event, "title"),
        (Kind::Event, "location"),
        (Kind::Appointment, "topics"),
    ] {
        assert!(free.contains(&(k, key)), "{}.{key}", k.name());
    }
    assert!(
        !free
            .iter()
            .any(|(k, _)| matches!(k, Kind::Sponsor | Kind::Partner))
    );
}

#[test]
fn conditions_decide_by_other_keys() {
    let s = of(Kind::Appointment);
    let client = s.field("client").unwrap();
    let consultation = |k: &str| (k == "kind").then_some("consultation");
    let sponsor = |k: &str| (k == "kind").then_some("sponsor");
    assert!(client.is_required_in(consultation));
    assert!(!client.is_required_in(sponsor));
    assert!(!client.is_allowed_in(sponsor));
    let closed = of(Kind::Referral).field("closed").unwrap();
    assert!(!closed.is_required_in(|k| (k == "status").then_some("open")));
    assert!(closed.is_required_in(|k| (k == "status").then_some("done")));
    assert_eq!(label(Kind::Event, "participants.women", Lang::De), "Frauen");
    assert_eq!(label(Kind::Event, "migrants", Lang::En), "migrants");
    assert_eq!(label(Kind::Client, "nonsense", Lang::De), "nonsense");
}

#[test]
fn vocabularies_are_the_code_enums() {
    let FieldType::Code(v) = of(Kind::Referral).field("status").unwrap().ty else {
        panic!("status is a code");
    };
    assert_eq!(
        (v.codes)(),
        crate::model::ReferralStatus::ALL
            .iter()
            .map(|c| c.code())
            .collect::<Vec<_>>()
    );
    assert_eq!((v.label)("done", Lang::De), Some("erfolgreich"));
    assert!(!v.contains("nope"));
}

#[test]
fn every_list_filter_is_on_a_key_it_can_filter() {
    for s in all() {
        let mut flags = BTreeSet::new();
        for f in s.filters {
            let spec = s
                .field(f.key)
                .unwrap_or_else(|| panic!("{}: filter on unknown key {}", s.kind.name(), f.key));
            assert!(
                value_type(&spec.ty).is_some(),
                "{}: `{}` ({:?}) is no key a list filters on",
                s.kind.name(),
                f.key,
                spec.ty
            );
            assert!(
                flags.insert(f.flag_name()),
                "{}: --{} twice",
                s.kind.name(),
                f.flag_name()
            );
        }
    }
    let topics = of(Kind::Appointment)
        .filters
        .iter()
        .find(|f| f.key == "topics");
    assert_eq!(
        topics.map(|f| (f.flag_name(), f.id())),
        Some(("topic", "topic"))
    );
    let referred = of(Kind::Contact)
        .filters
        .iter()
        .find(|f| f.key == "referred_to");
    assert_eq!(
        referred.map(|f| (f.flag_name(), f.id(), f.value_name_or_id())),
        Some(("referred-to", "referred_to", "REFERRED_TO"))
    );
}

/// A sponsor's or partner's slug is its "Kurzname" (what its hint and the
/// form's refusals call it), not "ID".
#[test]
fn the_slug_of_an_organisation_is_its_short_name() {
    for kind in [Kind::Sponsor, Kind::Partner] {
        let id = of(kind).field("id").unwrap();
        assert_eq!(id.label(Lang::De), "Kurzname", "{kind:?}");
        assert_eq!(id.label(Lang::En), "Short name", "{kind:?}");
        assert!(id.help(Lang::De).starts_with("Kurzname"), "{kind:?}");
    }
}

/// What a form says under a list is no flag syntax: no commas, slugs or
/// codes of its own vocabulary (the forms show labels).
#[test]
fn a_form_list_help_names_no_codes_or_commas() {
    for (kind, key, f) in every_field() {
        let listed = match f.ty {
            FieldType::Code(v) | FieldType::Codes(v) => Some((v.codes)()),
            FieldType::Topic
            | FieldType::Topics { .. }
            | FieldType::District
            | FieldType::Staff
            | FieldType::Ref(_)
            | FieldType::Refs(_) => Some(Vec::new()),
            FieldType::Id
            | FieldType::Text
            | FieldType::FreeText
            | FieldType::Date
            | FieldType::Time
            | FieldType::Minutes
            | FieldType::Count
            | FieldType::Year
            | FieldType::Bool
            | FieldType::Language
            | FieldType::Languages
            | FieldType::Country
            | FieldType::Table(_)
            | FieldType::Tables(_) => None,
        };
        let Some(codes) = listed else {
            assert!(f.form_help(Lang::De).is_empty(), "{kind:?} {key}: typed");
            continue;
        };
        for lang in [Lang::De, Lang::En] {
            let h = f.form_help(lang);
            let words: Vec<&str> = h
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .collect();
            for flaggy in ["Komma", "comma", "Kurzname", "slug", "code", "["] {
                assert!(!h.contains(flaggy), "{kind:?} {key}: {flaggy} in {h}");
            }
            for code in &codes {
                assert!(!words.contains(code), "{kind:?} {key}: {code} in {h}");
            }
        }
    }
}
