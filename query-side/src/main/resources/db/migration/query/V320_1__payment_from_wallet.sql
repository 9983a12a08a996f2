-- What the customer's wallet pays of a payment (the rest is the provider's): NULL when nothing, the whole amount when
-- the wallet pays alone (provider WALLET). Fed by PaymentRequested (group payments).
ALTER TABLE payments ADD COLUMN from_wallet_minor BIGINT;
