-- The integrated care board overseeing each organisation (its ODS code, from the organisation's events):
-- the posts list, the alerts and webhook subscriptions filter by it. Rows kept before are filled by the
-- organisation's next event or by a rebuild.
ALTER TABLE organisation_view ADD COLUMN integrated_care_board_code VARCHAR(10);
CREATE INDEX organisation_view_icb ON organisation_view (integrated_care_board_code);
ALTER TABLE succession_alert ADD COLUMN integrated_care_board_code VARCHAR(10);
ALTER TABLE webhook_subscription ADD COLUMN integrated_care_board_code VARCHAR(10);
