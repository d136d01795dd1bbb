import { Module } from '@nestjs/common';
import { CallbackSettingsResolver } from './callback-settings.resolver';

/** Per-service callback settings (F20). */
@Module({ providers: [CallbackSettingsResolver] })
export class CallbackSettingsModule {}
