/** Strings of sign-in (namespace `auth`). */
export const auth = {
  en: {
    title: 'Sign in to Dutyline',
    email: 'E-mail',
    password: 'Password',
    accountId: 'Account id',
    accountIdHint: 'This e-mail and password open several accounts: give the account id.',
    submit: 'Sign in',
    expired: 'Your session has ended. Please sign in again.',
    signedOut: 'You are signed out.',
    tooMany: 'Too many attempts. Try again in {{seconds}} s.',
  },
  fr: {
    title: 'Connexion à Dutyline',
    email: 'E-mail',
    password: 'Mot de passe',
    accountId: 'Identifiant du compte',
    accountIdHint: 'Cet e-mail et ce mot de passe ouvrent plusieurs comptes : indiquez l’identifiant du compte.',
    submit: 'Se connecter',
    expired: 'Votre session a pris fin. Veuillez vous reconnecter.',
    signedOut: 'Vous êtes déconnecté.',
    tooMany: 'Trop de tentatives. Réessayez dans {{seconds}} s.',
  },
};
