import { registerEnumType } from '@nestjs/graphql';

export enum EntryTargetKindEnum {
  LINE = 'line',
  HOTLINE = 'hotline',
  FRONT = 'front',
}
registerEnumType(EntryTargetKindEnum, { name: 'EntryTargetKind' });

export enum EntryFrontKindEnum {
  MENU = 'menu',
  KEYED = 'keyed',
}
registerEnumType(EntryFrontKindEnum, {
  name: 'EntryFrontKind',
  description:
    'MENU: "press 1 for …"; KEYED: the caller keys a number (postcode, contract) matched by prefix or range.',
});
