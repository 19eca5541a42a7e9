// The comment form, enhanced. The article page is static and cached for every reader, so it cannot carry a
// per-visit form token: this script fetches one, signed and time-stamped, when the reader starts on the form, and a
// new one for each post (a token works once). It also offers "Reply" under each top-level comment. Without it the
// form still posts; the comment then waits for an editor. Same-origin only, no inline code: the site's Content-Security-Policy is script-src 'self'.
(function () {
  'use strict';
  var form = document.getElementById('comment-form');
  if (!form || !window.fetch) {
    return;
  }
  var token = form.elements.namedItem('token');
  var replyTo = form.elements.namedItem('replyTo');
  var body = form.elements.namedItem('body');
  var replyNote = form.querySelector('.comment-form__reply');
  var fetching = false;

  function fetchToken() {
    if (fetching || token.value) {
      return;
    }
    fetching = true;
    fetch(form.getAttribute('data-token-url'), { credentials: 'same-origin', cache: 'no-store', headers: { accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) {
        if (answer && typeof answer.token === 'string') {
          token.value = answer.token;
        }
      })
      .catch(function () { /* no token: the comment goes to moderation */ })
      .then(function () { fetching = false; });
  }

  function replyToComment(item) {
    replyTo.value = item.id.replace(/^comment-/, '');
    var name = item.querySelector('.comment__name');
    replyNote.querySelector('.comment-form__reply-to').textContent = 'Replying to ' + (name ? name.textContent : 'a comment') + '.';
    replyNote.hidden = false;
    body.focus();
  }

  // a token posts one comment: once the form is sent, or the page comes back from the history with the sent
  // token still filled in, the next post needs a new one
  function forgetToken() {
    token.value = '';
  }

  form.addEventListener('focusin', fetchToken);
  form.addEventListener('submit', function () {
    window.setTimeout(forgetToken, 0);
  });
  window.addEventListener('pageshow', forgetToken);
  replyNote.querySelector('.comment-form__reply-cancel').addEventListener('click', function () {
    replyTo.value = '';
    replyNote.hidden = true;
    body.focus();
  });
  var threads = document.querySelectorAll('.comments__list > .comment');
  for (var i = 0; i < threads.length; i++) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'comment__reply';
    button.textContent = 'Reply';
    button.addEventListener('click', replyToComment.bind(null, threads[i]));
    threads[i].insertBefore(button, threads[i].querySelector('.comments__replies'));
  }
}());
