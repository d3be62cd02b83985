// modeltranslation's tabs show language codes ("ja", "en") and keep the language's name in
// the tab's title; show the name (日本語, 英語) instead, in the admin's own language. Tabs are
// built by jQuery ready handlers (and again for each inline added), so watch for them.
function nameLanguageTabs() {
  fillLanguageMenu()
  // modeltranslation also copies the field's label onto every label in the row, such as the
  // file input's "remove" checkbox: restore those from their data-label.
  for (const label of document.querySelectorAll("label[data-label]")) {
    if (label.textContent !== label.dataset.label) label.textContent = label.dataset.label
  }
  for (const link of document.querySelectorAll(".ui-tabs-nav a[title]")) {
    if (link.title && link.textContent !== link.title && /^[a-z]{2}(-[a-z]+)?$/i.test(link.textContent.trim())) {
      link.textContent = link.title
    }
  }
}

// On a read-only page modeltranslation builds the tabs (from the marked text) but finds no
// input to list languages from, so its language menu stays empty: fill it from the tabs. Its
// change handler already switches every tab group to the option's index.
function fillLanguageMenu() {
  const menu = document.getElementById("modeltranslation-main-switch")
  const tabs = document.querySelectorAll(".ui-tabs-nav")
  if (!menu || menu.options.length || !tabs.length) return
  tabs[0].querySelectorAll("a").forEach((link, index) => {
    menu.add(new Option(link.title || link.textContent, String(index)))
  })
}

document.addEventListener("DOMContentLoaded", () => {
  nameLanguageTabs()
  new MutationObserver(nameLanguageTabs).observe(document.body, { childList: true, subtree: true })
})
