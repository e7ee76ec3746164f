// "Reply" fills the comment form's parent field without reloading the page.
// Without JavaScript the link's ?reply_to= address does the same on the server.
(function () {
  "use strict";
  var form = document.getElementById("comment-form");
  if (!form) return;
  var parent = form.elements.parent;
  var note = document.getElementById("replying-to");
  var body = form.elements.body;

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-reply-to]");
    if (link) {
      event.preventDefault();
      parent.value = link.getAttribute("data-reply-to");
      note.firstChild.textContent =
        "Replying to " + link.getAttribute("data-reply-name") + ". ";
      note.hidden = false;
      body.focus();
      return;
    }
    if (event.target.closest("[data-cancel-reply]")) {
      parent.value = "";
      note.hidden = true;
      body.focus();
    }
  });
})();
