// Long menus (the partner's country) become searchable with the admin's own Select2, in the
// admin's language: type 日本 or ドイツ instead of scrolling 250 entries.
document.addEventListener("DOMContentLoaded", () => {
  const $ = window.django && window.django.jQuery
  if (!$ || !$.fn.select2) return
  $("select[data-searchable-select]").select2({
    language: document.documentElement.lang || "ja",
    width: "style",
  })
})
