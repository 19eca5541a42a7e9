// Progressive enhancement of the share bar: where the Clipboard API is available, the plain "Copy link" link
// (which opens the short link, and works without JavaScript) becomes a button that copies the short link.
(function () {
  "use strict";
  if (!navigator.clipboard || !window.isSecureContext) {
    return;
  }
  document.querySelectorAll("a[data-share-copy]").forEach(function (link) {
    var status = link.closest(".share").querySelector(".share__status");
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.textContent = link.textContent;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(link.href).then(function () {
        status.textContent = "Link copied to the clipboard.";
      }, function () {
        status.textContent = "Could not copy the link; it is " + link.href;
      });
    });
    link.replaceWith(button);
  });
})();
