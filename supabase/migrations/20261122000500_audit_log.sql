-- An append-only record of team actions. Triggers write it, so no path into the tables (the app,
-- supabase-js, SQL as a signed-in user) can change a team without leaving a trace.

create table public.audit_log (
  id bigint generated always as identity primary key,
  community_id uuid not null references public.communities (id) on delete cascade,
  actor_id uuid,
  action text not null,
  detail jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index audit_log_community_id_idx on public.audit_log (community_id, created_at desc);
alter table public.audit_log enable row level security;

revoke all on public.audit_log from anon, authenticated;
grant select on public.audit_log to authenticated;
grant all on public.audit_log to service_role;

create policy "Owners can read their community's audit log"
  on public.audit_log for select to authenticated
  using ((select public.has_community_role(community_id, '{owner}')));

create function public.audit_team_change() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  declare
    row_data jsonb := to_jsonb(coalesce(new, old));
  begin
    -- token hashes stay out of the log
    row_data := row_data - 'token_hash';
    -- a community being deleted takes its log with it: nothing to record
    if not exists (select 1 from public.communities c where c.id = (row_data ->> 'community_id')::uuid) then
      return coalesce(new, old);
    end if;
    insert into public.audit_log (community_id, actor_id, action, detail)
    values (
      (row_data ->> 'community_id')::uuid,
      (select auth.uid()),
      tg_table_name || '.' || lower(tg_op),
      case tg_op
        when 'UPDATE' then jsonb_build_object('before', to_jsonb(old) - 'token_hash', 'after', row_data)
        else row_data
      end
    );
    return coalesce(new, old);
  end
  $$;

create trigger memberships_audit
  after insert or update or delete on public.memberships
  for each row execute function public.audit_team_change();

create trigger invitations_audit
  after insert or update or delete on public.invitations
  for each row execute function public.audit_team_change();

create function public.audit_community_change() returns trigger
  language plpgsql security definer set search_path = ''
  as $$
  begin
    insert into public.audit_log (community_id, actor_id, action, detail)
    values (new.id, (select auth.uid()), 'communities.' || lower(tg_op), to_jsonb(new));
    return new;
  end
  $$;

create trigger communities_audit
  after insert or update on public.communities
  for each row execute function public.audit_community_change();
