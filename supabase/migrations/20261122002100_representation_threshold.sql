-- The representation ratio (participant share ÷ population share) below which the dashboard
-- flags a group as under-heard. 0.8 follows common practice (the "four-fifths" rule of
-- adverse-impact analysis); owners may set it per community. Owners already update their
-- community through "Owners can update their communities"; no new policy is needed.
alter table public.communities
  add column representation_threshold numeric not null default 0.8
    check (representation_threshold between 0.1 and 1);
