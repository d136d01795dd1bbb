import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Role } from '@dutyline/domain';
import { ForbiddenError, UnauthenticatedError } from '../graphql/api-errors';
import { Actor } from './actor';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { Authenticator } from './authenticator.service';
import { GatewayRequest, requestOf } from './gateway-request';
import { EDITORS, ROLES } from './roles';

/** One authentication per HTTP request, however many root fields a GraphQL operation has. */
const resolved = new WeakMap<GatewayRequest, Promise<Actor | undefined>>();

/**
 * The global guard (APP_GUARD): reads `Authorization: Bearer <token or API key>`, puts the caller
 * on the request (`@CurrentActor()`), then applies `@Public()` and `@Roles()`. Default roles:
 * GraphQL mutations need admin or supervisor; everything else any role. HTTP routes are closed
 * unless `@Public()`, and public HTTP routes are let through without looking at any credentials.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(Authenticator) private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    // Public HTTP routes (webhooks, health) never read credentials: a Vonage webhook's Bearer is its
    // signature, not a login, and trying it as one on every call is wasted work.
    if (isPublic && context.getType<string>() !== 'graphql') return true;
    const request = requestOf(context);
    let pending = resolved.get(request);
    if (!pending) {
      pending = this.authenticator.actorFor(request.headers.authorization);
      resolved.set(request, pending);
    }
    let actor: Actor | undefined;
    try {
      actor = await pending;
    } catch (error) {
      // Stale credentials on a public operation (a login with an expired token still sent) are ignored.
      if (isPublic && error instanceof UnauthenticatedError) return true;
      throw error;
    }
    if (actor) request.actor = actor;
    if (isPublic) return true;
    if (!actor) throw new UnauthenticatedError('Sign in first: send Authorization: Bearer <login token or API key>.');
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? defaultRoles(context);
    if (!allowed.includes(actor.role)) {
      throw new ForbiddenError(`This needs the role ${allowed.join(' or ')}; you are ${actor.role}.`);
    }
    return true;
  }
}

function defaultRoles(context: ExecutionContext): readonly Role[] {
  if (context.getType<string>() !== 'graphql') return ROLES;
  const info = GqlExecutionContext.create(context).getInfo();
  return info.parentType === info.schema.getMutationType() ? EDITORS : ROLES;
}
