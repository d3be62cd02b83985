// modeltranslation's tabs show language codes ("ja", "en") and keep the language's name in
// the tab's title; show the name (日本語, 英語) instead, in the admin's own language.
window.addEventListener("load", () => {
  for (const link of document.querySelectorAll(".ui-tabs-nav a[title]")) {
    if (link.title && link.textContent.trim().length <= 5) link.textContent = link.title
  }
})
