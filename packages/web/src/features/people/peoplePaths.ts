/** URLs of the people pages; German, like the rest of the app's paths. */
export const peoplePaths = {
  list: '/personen',
  import: '/personen/import',
  invite: '/personen/einladen',
  profile: '/profil',
} as const;
