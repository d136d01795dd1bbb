import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { inArgument } from '../graphql/refusals';
import type { Actor } from './actor';
import { ApiKeysService } from './api-keys.service';
import { CurrentActor, Roles } from './auth.decorators';
import { CreateApiKeyInput } from './dto/create-api-key.input';
import { ApiKeyModel, CreatedApiKeyModel } from './models/api-key.model';
import { roleOf } from './models/role.enum';

@Resolver(() => ApiKeyModel)
export class ApiKeysResolver {
  constructor(private readonly keys: ApiKeysService) {}

  @Query(() => [ApiKeyModel], { description: 'API keys of the account, newest first, revoked ones included (admins).' })
  @Roles('admin')
  async apiKeys(@CurrentActor() actor: Actor): Promise<ApiKeyModel[]> {
    return (await this.keys.list(actor)).map(ApiKeyModel.of);
  }

  @Mutation(() => CreatedApiKeyModel, {
    description: 'A new API key (admins). Its secret is in the answer, and only there.',
  })
  @Roles('admin')
  async createApiKey(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateApiKeyInput,
  ): Promise<CreatedApiKeyModel> {
    const { apiKey, key } = await inArgument('input', () =>
      this.keys.create(actor, { name: input.name, role: roleOf(input.role) }),
    );
    return { apiKey: ApiKeyModel.of(apiKey), key };
  }

  @Mutation(() => ApiKeyModel, { description: 'Refuses the key from the next request on (admins).' })
  @Roles('admin')
  async revokeApiKey(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ApiKeyModel> {
    return ApiKeyModel.of(await this.keys.revoke(actor, id));
  }
}
