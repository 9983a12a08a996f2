-- personal_data_keys: one key per person for the personal texts sealed in events (crypto-shredding). Kept outside the
-- event store; erasing a person deletes the key and leaves the row as a tombstone.
CREATE TABLE personal_data_keys (
    subject     TEXT        PRIMARY KEY,
    wrapped_key BYTEA,
    created_at  TIMESTAMPTZ NOT NULL,
    erased_at   TIMESTAMPTZ,
    CONSTRAINT personal_data_keys_erased_has_no_key CHECK (erased_at IS NULL OR wrapped_key IS NULL)
);
COMMENT ON TABLE personal_data_keys IS 'Per-person keys of the personal texts in events (AES-256-GCM), outside the event store';
COMMENT ON COLUMN personal_data_keys.subject IS 'the person: an account id, also the sub of its tokens and the customer_subject of its orders';
COMMENT ON COLUMN personal_data_keys.wrapped_key IS 'the person''s key encrypted with souq.privacy.key-encryption-key (nonce ‖ ciphertext ‖ tag); NULL once erased';
COMMENT ON COLUMN personal_data_keys.erased_at IS 'when the person was erased: their texts read [erased] from then on';
