/* Spanish UI strings of the YouTube replica (hl=es; served as the page's locale bundle; see client.js). */
window.__REPLICA_YT_LABELS__ = {
  hl: 'es', like: 'Me gusta', dislike: 'No me gusta',
  likeVideo: 'Indica que te gusta este vídeo junto con otras 1.204 personas', dislikeVideo: 'Indica que no te gusta este vídeo',
  subscribe: 'Suscribirme', subscribed: 'Suscrito', unsubscribe: 'Anular suscripción',
  subscribeTo: (n) => `Suscribirme a ${n}.`, unsubscribeFrom: (n) => `¿Anular la suscripción a ${n}`,
  commentsCount: (n) => `${n} comentarios`, addComment: 'Añade un comentario…', addReply: 'Añade una respuesta…',
  comment: 'Comentar', reply: 'Responder', cancel: 'Cancelar', justNow: 'ahora',
  likeComment: 'Marcar como Me gusta', dislikeComment: 'Marcar como No me gusta',
  post: 'Publicar', postPlaceholder: 'Comparte un adelanto de tu próximo vídeo', visibility: 'Visibilidad: Pública',
  accountMenu: 'Menú de la cuenta', error: 'Se ha producido un error. Inténtalo de nuevo más tarde.',
};
