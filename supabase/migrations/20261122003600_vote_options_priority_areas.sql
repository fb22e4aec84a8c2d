-- A round's option may stand for a candidate priority area, so that an area's page can show its
-- votes beside its evidence. The label is still the option's own (copied from the area when the
-- round is made from the areas), so renaming an area later does not change what people voted on.
alter table public.vote_options
  add column priority_area_id uuid references public.priority_areas (id) on delete set null;
create index vote_options_priority_area_idx on public.vote_options (priority_area_id);
