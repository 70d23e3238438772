-- The Sluice demo lake: tables and their comments. Rows are appended by dev.sluice.sql.demo.DemoLake.
-- Statements are separated by a semicolon at the end of a line; comments must not end a line with one.

CREATE TABLE main.slack_users (
  user_id    VARCHAR NOT NULL,
  user_name  VARCHAR NOT NULL,
  real_name  VARCHAR NOT NULL,
  title      VARCHAR NOT NULL,
  department VARCHAR NOT NULL,
  time_zone  VARCHAR NOT NULL,
  is_bot     BOOLEAN NOT NULL
);
COMMENT ON TABLE main.slack_users IS 'Members of the Kumo Goods Slack workspace (team T04KUMO9Q2), one row per user or bot. Join slack_messages.user = slack_users.user_id to see who wrote a message.';
COMMENT ON COLUMN main.slack_users.user_id IS 'Slack user id, e.g. U04PMAYAKB. Primary key.';
COMMENT ON COLUMN main.slack_users.user_name IS 'Slack handle without the @, e.g. aya.kobayashi.';
COMMENT ON COLUMN main.slack_users.real_name IS 'Full name as shown in Slack.';
COMMENT ON COLUMN main.slack_users.title IS 'Job title, e.g. Product Manager.';
COMMENT ON COLUMN main.slack_users.department IS 'Department: Product, Engineering, Sales, Support, Marketing, Design, Executive or Bots.';
COMMENT ON COLUMN main.slack_users.time_zone IS 'IANA time zone of the user, e.g. Asia/Tokyo.';
COMMENT ON COLUMN main.slack_users.is_bot IS 'True for bot users (deploybot).';

CREATE TABLE main.slack_messages (
  message_id     VARCHAR   NOT NULL,
  message_ts     VARCHAR   NOT NULL,
  event_type     VARCHAR   NOT NULL,
  channel        VARCHAR   NOT NULL,
  channel_name   VARCHAR   NOT NULL,
  "user"         VARCHAR   NOT NULL,
  text           VARCHAR   NOT NULL,
  team_id        VARCHAR   NOT NULL,
  event_id       VARCHAR   NOT NULL,
  event_time     TIMESTAMP NOT NULL,
  processed_date DATE      NOT NULL
);
COMMENT ON TABLE main.slack_messages IS 'Messages from the Kumo Goods Slack workspace as delivered by the Slack Events API, August to October 2026, in English and Japanese. Channels: general, release (release planning and announcements, including release deadlines), eng-backend, sales, support, random and dev-jp (the Japanese development team). One row per message.';
COMMENT ON COLUMN main.slack_messages.message_id IS 'Unique message id (Slack client_msg_id, a UUID). Primary key.';
COMMENT ON COLUMN main.slack_messages.message_ts IS 'Slack message timestamp as Slack sends it: a string of epoch seconds with microseconds, e.g. 1789000000.123456. Sorts in posting order; use event_time for date arithmetic.';
COMMENT ON COLUMN main.slack_messages.event_type IS 'Slack event type: message, or app_mention when the message mentions the deploybot app.';
COMMENT ON COLUMN main.slack_messages.channel IS 'Slack channel id, e.g. C04REL9X3N.';
COMMENT ON COLUMN main.slack_messages.channel_name IS 'Channel name without the #: general, release, eng-backend, sales, support, random or dev-jp.';
COMMENT ON COLUMN main.slack_messages."user" IS 'Slack user id of the author; join to slack_users.user_id. Quote it as "user" in SQL because user is a keyword.';
COMMENT ON COLUMN main.slack_messages.text IS 'Message text in English or Japanese, Slack markup included (<@U...> mentions, <#C...> channel links, :emoji:).';
COMMENT ON COLUMN main.slack_messages.team_id IS 'Slack workspace (team) id; always T04KUMO9Q2.';
COMMENT ON COLUMN main.slack_messages.event_id IS 'Slack Events API event id, e.g. Ev07ABCDEF12. Unique.';
COMMENT ON COLUMN main.slack_messages.event_time IS 'When the message was posted, UTC (TIMESTAMP without time zone); the same instant as message_ts.';
COMMENT ON COLUMN main.slack_messages.processed_date IS 'Date the daily ingestion job loaded the message (the partition date): the UTC day after event_time.';

CREATE SCHEMA analytics;

CREATE TABLE analytics.customers (
  customer_id INTEGER NOT NULL,
  name        VARCHAR NOT NULL,
  email       VARCHAR NOT NULL,
  country     VARCHAR NOT NULL,
  segment     VARCHAR NOT NULL,
  signup_date DATE    NOT NULL
);
COMMENT ON TABLE analytics.customers IS 'Customers of Kumo Goods, an online shop, one row per account, signed up between 2023-01-01 and 2026-09-30. Synthetic data with realistic skew.';
COMMENT ON COLUMN analytics.customers.customer_id IS 'Customer id. Primary key; ids increase with signup_date.';
COMMENT ON COLUMN analytics.customers.name IS 'Full name (given name first, romanised).';
COMMENT ON COLUMN analytics.customers.email IS 'Email address (PII; the domains are reserved example domains).';
COMMENT ON COLUMN analytics.customers.country IS 'Country as an ISO 3166-1 alpha-2 code, e.g. US, JP, GB, DE.';
COMMENT ON COLUMN analytics.customers.segment IS 'Customer segment: consumer, small_business or enterprise.';
COMMENT ON COLUMN analytics.customers.signup_date IS 'Date the account was created.';

CREATE TABLE analytics.products (
  product_id  INTEGER       NOT NULL,
  sku         VARCHAR       NOT NULL,
  name        VARCHAR       NOT NULL,
  category    VARCHAR       NOT NULL,
  price       DECIMAL(10,2) NOT NULL,
  cost        DECIMAL(10,2) NOT NULL,
  launched_on DATE          NOT NULL,
  active      BOOLEAN       NOT NULL
);
COMMENT ON TABLE analytics.products IS 'Product catalogue of Kumo Goods, one row per product (SKU).';
COMMENT ON COLUMN analytics.products.product_id IS 'Product id. Primary key.';
COMMENT ON COLUMN analytics.products.sku IS 'Stock keeping unit, e.g. EL-0007; the prefix encodes the category.';
COMMENT ON COLUMN analytics.products.name IS 'Product name.';
COMMENT ON COLUMN analytics.products.category IS 'Category: Electronics, Home & Kitchen, Outdoors, Apparel, Books, Beauty, Toys or Office.';
COMMENT ON COLUMN analytics.products.price IS 'Current list price in USD. Orders before 2025-07-01 were sold at the older list price, 5 percent lower; see order_items.unit_price.';
COMMENT ON COLUMN analytics.products.cost IS 'Current unit cost in USD (what Kumo Goods pays); margin = price - cost.';
COMMENT ON COLUMN analytics.products.launched_on IS 'Date the product went on sale; it has no orders before this date.';
COMMENT ON COLUMN analytics.products.active IS 'False when the product is discontinued (no longer sold, still present in past orders).';

CREATE TABLE analytics.orders (
  order_id      BIGINT        NOT NULL,
  customer_id   INTEGER       NOT NULL,
  ordered_at    TIMESTAMP     NOT NULL,
  status        VARCHAR       NOT NULL,
  sales_channel VARCHAR       NOT NULL,
  currency      VARCHAR       NOT NULL,
  total_amount  DECIMAL(12,2) NOT NULL
);
COMMENT ON TABLE analytics.orders IS 'Orders placed from 2024-01-01 to 2026-09-30, one row per order. Revenue is usually sum(total_amount) over orders whose status is not cancelled (returned orders were refunded too, exclude them for net revenue).';
COMMENT ON COLUMN analytics.orders.order_id IS 'Order id. Primary key; ids increase with ordered_at.';
COMMENT ON COLUMN analytics.orders.customer_id IS 'Customer who placed the order; references analytics.customers.customer_id.';
COMMENT ON COLUMN analytics.orders.ordered_at IS 'When the order was placed, UTC (TIMESTAMP without time zone).';
COMMENT ON COLUMN analytics.orders.status IS 'Order status: processing, shipped, completed, cancelled or returned. Recent orders are still processing or shipped.';
COMMENT ON COLUMN analytics.orders.sales_channel IS 'Where the order was placed: web, app or marketplace.';
COMMENT ON COLUMN analytics.orders.currency IS 'Currency of the amounts; always USD.';
COMMENT ON COLUMN analytics.orders.total_amount IS 'Order total in USD after discounts: equals the sum of line_total of its order_items. No tax or shipping.';

CREATE TABLE analytics.order_items (
  order_id     BIGINT        NOT NULL,
  line_number  INTEGER       NOT NULL,
  product_id   INTEGER       NOT NULL,
  quantity     INTEGER       NOT NULL,
  unit_price   DECIMAL(10,2) NOT NULL,
  discount_pct DECIMAL(5,2)  NOT NULL,
  line_total   DECIMAL(12,2) NOT NULL
);
COMMENT ON TABLE analytics.order_items IS 'Order lines, one row per product in an order. Primary key (order_id, line_number).';
COMMENT ON COLUMN analytics.order_items.order_id IS 'Order the line belongs to; references analytics.orders.order_id.';
COMMENT ON COLUMN analytics.order_items.line_number IS 'Line number within the order, from 1.';
COMMENT ON COLUMN analytics.order_items.product_id IS 'Product sold; references analytics.products.product_id.';
COMMENT ON COLUMN analytics.order_items.quantity IS 'Units sold, at least 1.';
COMMENT ON COLUMN analytics.order_items.unit_price IS 'List price per unit in USD at the time of the order, before discount.';
COMMENT ON COLUMN analytics.order_items.discount_pct IS 'Discount in percent (0 to 40) applied to the line, e.g. 15.00 for 15 percent off; higher around Black Friday and December.';
COMMENT ON COLUMN analytics.order_items.line_total IS 'Amount charged for the line in USD: quantity * unit_price * (1 - discount_pct / 100), rounded to cents.';

CREATE TABLE analytics.events (
  event_id    BIGINT    NOT NULL,
  event_time  TIMESTAMP NOT NULL,
  session_id  VARCHAR   NOT NULL,
  customer_id INTEGER,
  event_type  VARCHAR   NOT NULL,
  product_id  INTEGER,
  order_id    BIGINT,
  platform    VARCHAR   NOT NULL,
  device      VARCHAR   NOT NULL,
  country     VARCHAR   NOT NULL
);
COMMENT ON TABLE analytics.events IS 'Web and app clickstream events, 2026-07-01 to 2026-09-30 (older events are not retained), one row per event. A session is a visit; purchase events point to the order they created.';
COMMENT ON COLUMN analytics.events.event_id IS 'Event id. Primary key; ids increase with event_time.';
COMMENT ON COLUMN analytics.events.event_time IS 'When the event happened, UTC (TIMESTAMP without time zone).';
COMMENT ON COLUMN analytics.events.session_id IS 'Visit (session) identifier; all events of one visit share it.';
COMMENT ON COLUMN analytics.events.customer_id IS 'Signed-in customer, references analytics.customers.customer_id; NULL for anonymous visitors.';
COMMENT ON COLUMN analytics.events.event_type IS 'Event type: session_start, page_view, search, product_view, add_to_cart, remove_from_cart, begin_checkout, purchase, sign_up or login.';
COMMENT ON COLUMN analytics.events.product_id IS 'Product concerned for product_view, add_to_cart and remove_from_cart; references analytics.products.product_id; NULL otherwise.';
COMMENT ON COLUMN analytics.events.order_id IS 'Order created, for purchase events only; references analytics.orders.order_id; NULL otherwise.';
COMMENT ON COLUMN analytics.events.platform IS 'Platform: web, ios or android.';
COMMENT ON COLUMN analytics.events.device IS 'Device class: desktop, mobile or tablet.';
COMMENT ON COLUMN analytics.events.country IS 'Country of the visitor (ISO 3166-1 alpha-2), from the account or, for anonymous visitors, from the IP address.';
