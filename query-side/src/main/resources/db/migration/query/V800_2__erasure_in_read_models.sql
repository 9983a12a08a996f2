-- Erasure (crypto-shredding) in the read models: what an erased person's rows hold of them is blanked to '[erased]',
-- the same a rebuild after the erasure writes from the events.

ALTER TABLE accounts ADD COLUMN erased_at TIMESTAMPTZ;
COMMENT ON COLUMN accounts.erased_at IS 'when the person was erased: email, names, phone and addresses read [erased]';

-- A timeline entry quoting a person's own text (a cancellation or refund reason) keeps where the text stands in its
-- description, so that erasing the person blanks exactly that text.
ALTER TABLE order_timeline ADD COLUMN personal_subject VARCHAR(255);
ALTER TABLE order_timeline ADD COLUMN personal_text TEXT;
ALTER TABLE order_timeline ADD COLUMN personal_text_at INTEGER;
CREATE INDEX order_timeline_personal ON order_timeline (personal_subject) WHERE personal_subject IS NOT NULL;
COMMENT ON COLUMN order_timeline.personal_subject IS 'the person whose text the description quotes (personal_text), or NULL';
COMMENT ON COLUMN order_timeline.personal_text IS 'that text as the description quotes it; [erased] once the person was erased';
COMMENT ON COLUMN order_timeline.personal_text_at IS 'where personal_text starts in description (1-based)';

CREATE INDEX vendor_orders_customer ON vendor_orders (customer_subject);

-- The texts of an erased person in a JSON object (or each object of an array): the named properties that hold a
-- string read '[erased]'; null and absent ones stay as they are, everything else is kept.
CREATE FUNCTION erase_personal_texts(document JSONB, names TEXT[]) RETURNS JSONB
    LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF jsonb_typeof(document) = 'array' THEN
        RETURN (SELECT coalesce(jsonb_agg(erase_personal_texts(element, names) ORDER BY position), '[]'::jsonb)
                  FROM jsonb_array_elements(document) WITH ORDINALITY AS elements(element, position));
    ELSIF jsonb_typeof(document) = 'object' THEN
        RETURN (SELECT coalesce(jsonb_object_agg(key, CASE WHEN key = ANY (names) AND jsonb_typeof(value) = 'string'
                                                           THEN to_jsonb('[erased]'::text) ELSE value END),
                                '{}'::jsonb)
                  FROM jsonb_each(document));
    END IF;
    RETURN document;
END
$$;
