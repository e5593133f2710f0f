-- Hosts' side of the network groups.

-- A host's message to the people signed up for a meetup (going or waiting).
-- Each of them also gets a notification; the text itself is shown only to
-- them and to the group's hosts, on the meetup's page.
CREATE TABLE announcement (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    meetup_id  BIGINT NOT NULL REFERENCES meetup(id),
    sender_id  BIGINT NOT NULL REFERENCES person(id),
    body       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX announcement_meetup ON announcement (meetup_id, created_at);

-- "My groups and meetups", and "groups I host", read by person.
CREATE INDEX meetup_signup_person ON meetup_signup (person_id);
CREATE INDEX group_member_person ON group_member (person_id);
CREATE INDEX group_host_person ON group_host (person_id);
