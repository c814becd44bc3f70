-- Retention (store.RecommendationRetention) finds old recommendations by creation time across accounts.
create index recommendation_created on recommendation (created_at);
