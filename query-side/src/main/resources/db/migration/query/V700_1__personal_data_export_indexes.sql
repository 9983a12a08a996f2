-- A person's data export (GET /api/v1/accounts/me/export) finds their rows by their subject in every read model.
-- orders, wallet_balances and payouts already have an index leading with it; these make the others cheap too.
CREATE INDEX carts_customer ON carts (customer_subject);
CREATE INDEX payments_customer ON payments (customer_subject, requested_at);
CREATE INDEX refunds_customer ON refunds (customer_subject, requested_at);
