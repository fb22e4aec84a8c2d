-- Invitations to join a community's team with a role. The link carries a random token; only its
-- sha-256 is stored.

create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  community_id uuid not null references public.communities (id) on delete cascade,
  email text not null check (length(email) between 3 and 254),
  role public.community_role not null,
  token_hash text not null unique,
  invited_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '14 days',
  accepted_at timestamptz,
  accepted_by uuid references public.profiles (id) on delete set null
);
create index invitations_community_id_idx on public.invitations (community_id);
alter table public.invitations enable row level security;

revoke all on public.invitations from anon, authenticated;
grant select, insert, delete on public.invitations to authenticated;
grant all on public.invitations to service_role;

create policy "Owners and organizers can see their community's invitations"
  on public.invitations for select to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer}')));

create policy "Owners can invite with any role"
  on public.invitations for insert to authenticated
  with check (
    invited_by = (select auth.uid())
    and (select public.has_community_role(community_id, '{owner}'))
  );

create policy "Organizers can invite analysts, volunteers and organizers"
  on public.invitations for insert to authenticated
  with check (
    invited_by = (select auth.uid())
    and role <> 'owner'
    and (select public.has_community_role(community_id, '{organizer}'))
  );

create policy "Owners and organizers can withdraw invitations"
  on public.invitations for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer}')));

-- What an invitation link shows before anyone signs in. The token is the secret: whoever holds
-- it may see the community's name, the invited email and role, and whether it can still be used.
create function public.invitation_preview(link_token_hash text)
  returns table (
    community_slug text,
    community_name jsonb,
    email text,
    role public.community_role,
    status text
  )
  language sql stable security definer set search_path = ''
  as $$
    select c.slug, c.name, i.email, i.role,
      case
        when i.accepted_at is not null then 'accepted'
        when i.expires_at < now() then 'expired'
        else 'open'
      end
    from public.invitations i
    join public.communities c on c.id = i.community_id
    where i.token_hash = link_token_hash
  $$;

revoke execute on function public.invitation_preview(text) from public;
grant execute on function public.invitation_preview(text) to anon, authenticated;

-- The signed-in user accepts: they join with the invited role (or keep the role they already
-- have), and the invitation is used up. Returns the community's slug.
create function public.accept_invitation(link_token_hash text) returns text
  language plpgsql security definer set search_path = ''
  as $$
  declare
    accepter uuid := (select auth.uid());
    invitation public.invitations;
    joined_slug text;
  begin
    if accepter is null then
      raise exception 'sign in to accept an invitation' using errcode = '42501';
    end if;
    select * into invitation from public.invitations
      where token_hash = link_token_hash
      for update;
    if not found or invitation.accepted_at is not null or invitation.expires_at < now() then
      raise exception 'this invitation cannot be used' using errcode = 'P0001', hint = 'invitation_unusable';
    end if;
    insert into public.memberships (community_id, user_id, role)
      values (invitation.community_id, accepter, invitation.role)
      on conflict (community_id, user_id) do nothing;
    update public.invitations set accepted_at = now(), accepted_by = accepter
      where id = invitation.id;
    select slug into joined_slug from public.communities where id = invitation.community_id;
    return joined_slug;
  end
  $$;

revoke execute on function public.accept_invitation(text) from public, anon;
grant execute on function public.accept_invitation(text) to authenticated;
