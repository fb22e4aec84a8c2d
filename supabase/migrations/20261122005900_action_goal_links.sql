-- Indicators and "you said, we did" updates may also name the vision goal they serve. Goals live
-- inside vision versions (jsonb, keys g1, g2 … kept from version to version), so the link is the
-- goal's key, not a foreign key: it keeps meaning across versions, and a goal dropped from a
-- later version leaves the link pointing at the goal as it was.

alter table public.indicators
  add column goal_key text check (goal_key ~ '^g[0-9]{1,3}$');
alter table public.progress_updates
  add column goal_key text check (goal_key ~ '^g[0-9]{1,3}$');
