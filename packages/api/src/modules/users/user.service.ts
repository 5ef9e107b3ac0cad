import { UserStatus } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import { paginateByKeys } from '../../db/keyset-pagination';
import { escapeLike } from '../../db/like';
import type { PageArgs } from '../../db/paginate';
import type { Context } from '../../graphql/context';
import { forbidden } from '../../graphql/errors';
import type { Connection } from '../../graphql/relay';
import { idOf } from '../../graphql/relay';
import { fail } from '../../graphql/user-error';
import { type DomainEventType, emitDomainEvent } from '../events';
import { accountSecurity } from './account-security';
import { municipalityForRole } from './officer-municipality';
import { User } from './user.entity';
import type { ChangeRoleInput, PeopleFilter, UpdateProfileInput } from './user.inputs';
import { listableStatuses, userPolicy } from './user.policy';

/** People administration: the list, profiles, deactivation and roles. */
export class PeopleService {
  constructor(private readonly ctx: Context) {}

  /** The people list, by name; two statements whatever the page size. */
  list(viewer: User, args: PageArgs & { filter?: PeopleFilter | null }): Promise<Connection<User>> {
    const filter = args.filter ?? {};
    const query = this.ctx.dataSource.getRepository(User).createQueryBuilder('u');
    const statuses = (filter.statuses?.length ? filter.statuses : Object.values(UserStatus)).filter((s) =>
      listableStatuses(viewer).includes(s),
    );
    query.where('u.status IN (:...statuses)', { statuses: statuses.length ? statuses : ['-'] });
    // Erased people live on only as pseudonyms in shared records, not as people to contact.
    query.andWhere('u.erased_at IS NULL');
    if (filter.roles?.length) query.andWhere('u.role IN (:...roles)', { roles: filter.roles });
    if (filter.municipalityId) {
      query.andWhere('u.municipality_id = :municipalityId', {
        municipalityId: idOf(filter.municipalityId, 'Municipality', 'municipalityId'),
      });
    }
    const search = filter.search?.trim();
    if (search) {
      query.andWhere(
        "(hub_search_fold(u.name) LIKE '%' || hub_search_fold(:search) || '%' OR u.email LIKE '%' || lower(:search) || '%')",
        {
          search: escapeLike(search),
        },
      );
    }
    // Folded, so that "Älma" sorts with the A and not after Z whatever the database collation.
    return paginateByKeys(query, 'u', args, [
      { expression: 'hub_fold(u.name)', direction: 'ASC', type: 'text', alias: 'sort_folded_name' },
      { expression: 'u.name', direction: 'ASC', type: 'text', alias: 'u_name' },
      { expression: 'u.id', direction: 'ASC', type: 'uuid', alias: 'u_id' },
    ]);
  }

  async updateProfile(manager: EntityManager, viewer: User, input: UpdateProfileInput): Promise<User> {
    const userId = input.userId ? idOf(input.userId, 'User', 'userId') : viewer.id;
    const person = await this.load(manager, userId);
    if (!userPolicy.can(viewer, 'updateProfile', person)) throw forbidden();
    const before = {
      name: person.name,
      email: person.email,
      position: person.position,
      phone: person.phone,
      locale: person.locale,
    };
    const changes: Partial<User> = {};
    if (input.name !== undefined && input.name !== null) {
      if (!input.name.trim()) fail('REQUIRED', 'The name may not be empty.', 'name');
      changes.name = input.name.trim();
    }
    if (input.email !== undefined && input.email !== null) {
      const email = input.email.trim().toLowerCase();
      if (email !== person.email) {
        // A session alone (left open, or stolen) must not be enough to take over the account.
        await accountSecurity().confirmPassword(this.ctx, manager, viewer.id, input.currentPassword);
        const taken = await manager
          .getRepository(User)
          .createQueryBuilder('u')
          .where('u.email = :email AND u.id <> :id', { email, id: person.id })
          .getExists();
        if (taken) fail('EMAIL_TAKEN', 'A person with this e-mail address already exists.', 'email');
        changes.email = email;
      }
    }
    if (input.position !== undefined) changes.position = input.position?.trim() || null;
    if (input.phone !== undefined) changes.phone = input.phone?.trim() || null;
    if (input.locale) changes.locale = input.locale;
    if (Object.keys(changes).length) {
      await manager.update(User, person.id, changes);
      Object.assign(person, changes);
      await this.audit(manager, viewer, 'user.updateProfile', person, before, changes);
      if (changes.email)
        await accountSecurity().noticeEmailChange(this.ctx, manager, person, before.email, viewer);
    }
    if (viewer.id === person.id) Object.assign(viewer, changes);
    return person;
  }

  /** Deactivates an account; its sessions end at once. */
  async deactivate(manager: EntityManager, viewer: User, userId: string): Promise<User> {
    const person = await this.load(manager, userId);
    if (!userPolicy.can(viewer, 'manage', person))
      throw forbidden('Coordinators deactivate other people, not themselves.');
    if (person.status === UserStatus.DEACTIVATED)
      fail('ALREADY_DEACTIVATED', 'This person is deactivated already.', 'userId');
    const before = { status: person.status };
    person.status = UserStatus.DEACTIVATED;
    await manager.update(User, person.id, { status: person.status });
    await accountSecurity().endAllSessions(manager, person.id);
    await this.audit(manager, viewer, 'user.deactivate', person, before, { status: person.status });
    return person;
  }

  /** Reactivates an account: active again if the person had set a password, otherwise invited. */
  async reactivate(manager: EntityManager, viewer: User, userId: string): Promise<User> {
    const person = await manager
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :userId', { userId })
      .getOne();
    if (!person) fail('NOT_FOUND', 'There is no person with this ID.', 'userId');
    if (!userPolicy.can(viewer, 'manage', person)) throw forbidden();
    if (person.status !== UserStatus.DEACTIVATED)
      fail('NOT_DEACTIVATED', 'This person is not deactivated.', 'userId');
    person.status = person.passwordHash ? UserStatus.ACTIVE : UserStatus.INVITED;
    person.passwordHash = null;
    await manager.update(User, person.id, { status: person.status });
    await this.audit(
      manager,
      viewer,
      'user.reactivate',
      person,
      { status: UserStatus.DEACTIVATED },
      { status: person.status },
    );
    return person;
  }

  /** Gives another role; officers need a municipality, the other roles have none. */
  async changeRole(manager: EntityManager, viewer: User, input: ChangeRoleInput): Promise<User> {
    const person = await this.load(manager, idOf(input.userId, 'User', 'userId'));
    if (!userPolicy.can(viewer, 'manage', person))
      throw forbidden('Coordinators change the roles of other people, not their own.');
    const municipalityId = await municipalityForRole(manager, input.role, input.municipalityId);
    const before = { role: person.role, municipalityId: person.municipalityId };
    person.role = input.role;
    person.municipalityId = municipalityId;
    await manager.update(User, person.id, { role: person.role, municipalityId });
    await this.audit(manager, viewer, 'user.changeRole', person, before, {
      role: person.role,
      municipalityId,
    });
    return person;
  }

  private async load(manager: EntityManager, userId: string): Promise<User> {
    const person = await manager.findOneBy(User, { id: userId });
    if (!person) fail('NOT_FOUND', 'There is no person with this ID.', 'userId');
    return person;
  }

  private audit(
    manager: EntityManager,
    viewer: User,
    type: DomainEventType,
    person: User,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
  ): Promise<void> {
    return emitDomainEvent(manager, {
      actorId: viewer.id,
      type,
      subjectType: 'User',
      subjectId: person.id,
      before,
      payload: after ?? null,
      requestId: this.ctx.requestId,
    });
  }
}
