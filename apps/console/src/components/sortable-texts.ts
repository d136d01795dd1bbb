/**
 * The words of a sortable list (see SortableList's useSortableLabels), for a feature's namespace to
 * include under `sortable`.
 */
export const sortableTexts = {
  en: {
    handle: 'Move {{name}}',
    up: 'Move {{name}} up',
    down: 'Move {{name}} down',
    instructions:
      'To move an item, press Space or Enter, then the up and down arrows, then Space or Enter again to drop it, or Escape to cancel.',
    picked: 'Picked up {{name}}.',
    movedTo: '{{name}} moved to position {{position}}.',
    dropped: '{{name}} dropped at position {{position}}.',
    cancelled: 'Move of {{name}} cancelled.',
  },
  fr: {
    handle: 'Déplacer {{name}}',
    up: 'Monter {{name}}',
    down: 'Descendre {{name}}',
    instructions:
      'Pour déplacer un élément, appuyez sur Espace ou Entrée, puis sur les flèches haut et bas, puis de nouveau sur Espace ou Entrée pour le déposer, ou sur Échap pour annuler.',
    picked: '{{name}} saisi.',
    movedTo: '{{name}} déplacé en position {{position}}.',
    dropped: '{{name}} déposé en position {{position}}.',
    cancelled: 'Déplacement de {{name}} annulé.',
  },
};
