-- Responses to questionnaires, written by residents without an account. The response id is
-- generated on the person's device, so a retry or a double tap never makes a second response;
-- a receipt code (only its hash is stored) lets its author see, change or delete it while the
-- questionnaire is open. Demographic answers are stored apart from the other answers.

create type public.response_channel as enum ('online', 'paper', 'kiosk', 'event', 'focus_group', 'interview');

create table public.responses (
  id uuid primary key,
  questionnaire_id uuid not null references public.questionnaires (id) on delete cascade,
  community_id uuid not null references public.communities (id) on delete cascade,
  channel public.response_channel not null default 'online',
  language public.content_language not null,
  receipt_hash text not null,
  submitted_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index responses_questionnaire_idx on public.responses (questionnaire_id, submitted_at);
create unique index responses_receipt_hash_key on public.responses (receipt_hash);
alter table public.responses enable row level security;

create table public.answers (
  response_id uuid not null references public.responses (id) on delete cascade,
  question_id uuid not null references public.questions (id) on delete cascade,
  value jsonb not null,
  primary key (response_id, question_id)
);
create index answers_question_idx on public.answers (question_id);
alter table public.answers enable row level security;

create table public.demographic_answers (
  response_id uuid not null references public.responses (id) on delete cascade,
  dimension text not null check (dimension ~ '^[a-z_]{1,40}$'),
  value text not null check (length(value) between 1 and 60),
  primary key (response_id, dimension)
);
alter table public.demographic_answers enable row level security;

revoke all on public.responses, public.answers, public.demographic_answers from anon, authenticated;
grant select, delete on public.responses to authenticated;
grant select on public.answers, public.demographic_answers to authenticated;
grant all on public.responses, public.answers, public.demographic_answers to service_role;

create policy "Owners, organizers and analysts can read responses"
  on public.responses for select to authenticated
  using ((select public.has_community_role(community_id, '{owner,organizer,analyst}')));

create policy "Owners can delete responses"
  on public.responses for delete to authenticated
  using ((select public.has_community_role(community_id, '{owner}')));

create function public.response_readable(target uuid) returns boolean
  language sql stable security definer set search_path = ''
  as $$
    select exists (
      select 1 from public.responses r
      where r.id = target and public.has_community_role(r.community_id, '{owner,organizer,analyst}')
    )
  $$;

create policy "Owners, organizers and analysts can read answers"
  on public.answers for select to authenticated
  using ((select public.response_readable(response_id)));

create policy "Owners, organizers and analysts can read demographic answers"
  on public.demographic_answers for select to authenticated
  using ((select public.response_readable(response_id)));

-- Saves a validated response in one statement, for anyone (residents have no account).
-- The server has checked the answers against the questionnaire (types, options, conditions);
-- this checks what only the database can: that the questionnaire is open now and that every
-- question belongs to it.
-- Returns 'created'; 'duplicate' when this id was already saved (a retry: nothing changes);
-- 'updated' when the receipt matches (the author changing their answers).
create function public.save_response(
  response_id uuid,
  target_questionnaire uuid,
  response_channel public.response_channel,
  response_language public.content_language,
  receipt text,
  answer_values jsonb,
  demographic_values jsonb
) returns text
  language plpgsql security definer set search_path = ''
  as $$
  declare
    existing public.responses;
    target_community uuid;
  begin
    if not public.questionnaire_is_open(target_questionnaire) then
      raise exception 'this questionnaire is not taking answers' using errcode = 'P0001', hint = 'questionnaire_closed';
    end if;
    if exists (
      select 1 from jsonb_object_keys(answer_values) k
      where not exists (
        select 1 from public.questions q
        where q.id::text = k and q.questionnaire_id = target_questionnaire
      )
    ) then
      raise exception 'an answer names a question of another questionnaire' using errcode = 'P0001', hint = 'unknown_question';
    end if;

    select * into existing from public.responses where id = response_id for update;
    if found then
      if existing.receipt_hash <> receipt or existing.questionnaire_id <> target_questionnaire then
        return 'duplicate';
      end if;
      delete from public.answers a where a.response_id = existing.id;
      delete from public.demographic_answers d where d.response_id = existing.id;
      update public.responses set updated_at = now(), language = response_language where id = existing.id;
    else
      select community_id into target_community from public.questionnaires where id = target_questionnaire;
      insert into public.responses (id, questionnaire_id, community_id, channel, language, receipt_hash)
      values (response_id, target_questionnaire, target_community, response_channel, response_language, receipt)
      on conflict (id) do nothing;
      if not found then
        return 'duplicate';
      end if;
    end if;

    insert into public.answers (response_id, question_id, value)
    select save_response.response_id, k::uuid, v from jsonb_each(answer_values) as e(k, v);
    insert into public.demographic_answers (response_id, dimension, value)
    select save_response.response_id, k, v from jsonb_each_text(demographic_values) as e(k, v);
    return case when existing.id is null then 'created' else 'updated' end;
  end
  $$;

revoke execute on function public.save_response(uuid, uuid, public.response_channel, public.content_language, text, jsonb, jsonb) from public;
grant execute on function public.save_response(uuid, uuid, public.response_channel, public.content_language, text, jsonb, jsonb) to anon, authenticated;

-- A response as its author sees it through the receipt code, while the questionnaire is open.
create function public.response_by_receipt(receipt text)
  returns table (response_id uuid, questionnaire_id uuid, language public.content_language, answers jsonb, demographics jsonb)
  language sql stable security definer set search_path = ''
  as $$
    select r.id, r.questionnaire_id, r.language,
      coalesce((select jsonb_object_agg(a.question_id, a.value) from public.answers a where a.response_id = r.id), '{}'),
      coalesce((select jsonb_object_agg(d.dimension, d.value) from public.demographic_answers d where d.response_id = r.id), '{}')
    from public.responses r
    where r.receipt_hash = receipt and public.questionnaire_is_open(r.questionnaire_id)
  $$;

create function public.delete_response_by_receipt(receipt text) returns boolean
  language plpgsql security definer set search_path = ''
  as $$
  begin
    delete from public.responses r
    where r.receipt_hash = receipt and public.questionnaire_is_open(r.questionnaire_id);
    return found;
  end
  $$;

revoke execute on function public.response_by_receipt(text), public.delete_response_by_receipt(text) from public;
grant execute on function public.response_by_receipt(text), public.delete_response_by_receipt(text) to anon, authenticated;
