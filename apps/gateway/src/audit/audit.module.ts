import { Global, Module } from '@nestjs/common';
import { AuditTrail } from './audit-trail.service';
import { AuditResolver } from './audit.resolver';

/** The audit log: `AuditTrail` for every feature (global), and the `auditLog` query. */
@Global()
@Module({ providers: [AuditTrail, AuditResolver], exports: [AuditTrail] })
export class AuditModule {}
