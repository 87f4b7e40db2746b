//! From what the schema-driven reader found ([`Values`]) to the typed
//! records the rest of the program uses: one short function per kind.
//! A record exists when every key it cannot do without could be read.

use super::table::Values;
use super::*;

/// The typed record of `kind`, or `None` when a required key is missing
/// or unreadable (the reader has said why).
pub fn to_record(kind: Kind, v: &Values) -> Option<Record> {
    Some(match kind {
        Kind::Sponsor => Record::Sponsor(sponsor(v)?),
        Kind::Partner => Record::Partner(partner(v)?),
        Kind::Client => Record::Client(client(v)?),
        Kind::Appointment => Record::Appointment(appointment(v)?),
        Kind::Referral => Record::Referral(referral(v)?),
        Kind::Event => Record::Event(event(v)?),
        Kind::Contact => Record::Contact(contact(v)?),
    })
}

fn sponsor(v: &Values) -> Option<Sponsor> {
    Some(Sponsor {
        id: v.string("id")?,
        name: v.string("name")?,
        project: v.string("project")?,
        field: v.code("field")?,
        start: v.date("start")?,
        end: v.date("end"),
        contact: v.string("contact"),
        email: v.string("email"),
        phone: v.string("phone"),
        status: v.code_or_default("status")?,
        notes: v.string("notes"),
        planned_participants: v
            .int("planned_participants")
            .and_then(|n| u64::try_from(n).ok()),
        continuation: v.code_or_default("continuation")?,
        continuation_notes: v.string("continuation_notes"),
        deadlines: deadlines(v.tables("deadlines")),
    })
}

/// The readable `[[deadlines]]` entries; a second one with the kind and
/// due date of an earlier one is left out (`rules::single` reports it), so
/// a deadline stays named by kind and due date.
fn deadlines(entries: &[Values]) -> Vec<super::deadline::Deadline> {
    let mut out: Vec<super::deadline::Deadline> = Vec::new();
    for d in entries.iter().filter_map(deadline) {
        if !out.iter().any(|e| (e.kind, e.due) == (d.kind, d.due)) {
            out.push(d);
        }
    }
    out
}

fn deadline(v: &Values) -> Option<super::deadline::Deadline> {
    Some(super::deadline::Deadline {
        kind: v.code("kind")?,
        due: v.date("due")?,
        done: v.date("done"),
        notes: v.string("notes"),
    })
}

fn partner(v: &Values) -> Option<Partner> {
    Some(Partner {
        id: v.string("id")?,
        name: v.string("name")?,
        kind: v.code("kind")?,
        offers: v.list("offers"),
        languages: v.list("languages"),
        address: v.string("address"),
        phone: v.string("phone"),
        email: v.string("email"),
        website: v.string("website"),
        notes: v.string("notes"),
    })
}

fn client(v: &Values) -> Option<Client> {
    Some(Client {
        id: v.string("id")?,
        first_contact: v.date("first_contact")?,
        gender: v.code_or_default("gender")?,
        birth_year: v.int("birth_year"),
        origin: v.string("origin"),
        languages: v.list("languages"),
        residence: v.code_or_default("residence")?,
        district: v.string("district"),
        employment: v.code_or_default("employment")?,
        consent: v.date("consent"),
        erased: v.date("erased"),
        notes: v.string("notes"),
        consents: v.tables("consents").iter().filter_map(consent).collect(),
    })
}

fn consent(v: &Values) -> Option<super::consent::Consent> {
    Some(super::consent::Consent {
        date: v.date("date")?,
        scope: v.code("scope")?,
        partners: v.list("partners"),
        except: v.list("except"),
        until: v.date("until"),
        withdrawn: v.date("withdrawn"),
        notes: v.string("notes"),
    })
}

fn appointment(v: &Values) -> Option<Appointment> {
    Some(Appointment {
        id: v.string("id")?,
        date: v.date("date")?,
        time: v.time("time"),
        duration: v.int("duration"),
        kind: v.code("kind")?,
        status: v.code("status")?,
        staff: v.string("staff"),
        client: v.string("client"),
        sponsor: v.string("sponsor"),
        partner: v.string("partner"),
        topics: v.list("topics"),
        language: v.string("language"),
        interpreter: v.flag("interpreter"),
        family_members: v.int("family_members").unwrap_or(0),
        channel: v.code("channel"),
        notes: v.string("notes"),
    })
}

fn referral(v: &Values) -> Option<Referral> {
    Some(Referral {
        id: v.string("id")?,
        date: v.date("date")?,
        client: v.string("client")?,
        partner: v.string("partner")?,
        topic: v.string("topic")?,
        appointment: v.string("appointment"),
        status: v.code("status")?,
        follow_up: v.date("follow_up"),
        closed: v.date("closed"),
        outcome: v.string("outcome"),
        staff: v.string("staff"),
        notes: v.string("notes"),
    })
}

fn event(v: &Values) -> Option<Event> {
    Some(Event {
        id: v.string("id")?,
        date: v.date("date")?,
        time: v.time("time"),
        title: v.string("title")?,
        kind: v.code("kind")?,
        status: v.code("status")?,
        topics: v.list("topics"),
        location: v.string("location"),
        partners: v.list("partners"),
        sponsors: v.list("sponsors"),
        languages: v.list("languages"),
        interpreter: v.flag("interpreter"),
        notes: v.string("notes"),
        participants: v.table("participants").map(|p| Participants {
            total: p.int("total").unwrap_or(0),
            women: p.int("women").unwrap_or(0),
            men: p.int("men").unwrap_or(0),
            diverse: p.int("diverse").unwrap_or(0),
            migrants: p.int("migrants").unwrap_or(0),
        }),
    })
}

fn contact(v: &Values) -> Option<Contact> {
    Some(Contact {
        id: v.string("id")?,
        date: v.date("date")?,
        time: v.time("time"),
        kind: v.code("kind")?,
        topics: v.list("topics"),
        language: v.string("language"),
        interpreter: v.flag("interpreter"),
        duration: v.int("duration"),
        referred_to: v.list("referred_to"),
        staff: v.string("staff"),
        notes: v.string("notes"),
    })
}
