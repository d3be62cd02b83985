// Starts django-prose-editor on every textarea carrying its configuration, like the package's
// "configurable" preset, but without anything the site's Content-Security-Policy forbids:
// - the bundle is imported by relative URL, so no inline import map (script-src 'self');
// - Tiptap's CSS injection is off: an injected <style> element breaks style-src 'self'.
//   The same rules are loaded from prose-editor-base.css instead.
import * as editorModule from "../django_prose_editor/editor.js"

const ATTRIBUTE = "data-django-prose-editor-configurable"
// The toolbar's tips and the heading menu are English in the bundle; most never go through
// gettext. Django's JavaScript catalogue (/admin/jsi18n/, locale/ja/.../djangojs.po) has them.
const translate = window.gettext || ((text) => text)
const available = { ...editorModule }
const pending = new WeakMap()

function createTextareaEditor(textarea, extensions) {
  const disabled = textarea.hasAttribute("disabled")
  const wrapper = editorModule.crel("div", { className: `prose-editor ${disabled ? "disabled" : ""}` })
  textarea.before(wrapper)
  wrapper.append(textarea)
  return new editorModule.Editor({
    element: wrapper,
    editable: !disabled,
    extensions,
    content: textarea.value,
    injectCSS: false,
    onUpdate({ editor }) {
      const html = editor.getHTML()
      textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html
      textarea.dispatchEvent(new Event("input", { bubbles: true }))
    },
    onDestroy() {
      wrapper.before(textarea)
      wrapper.remove()
    },
  })
}

function translateToolbar(wrapper) {
  if (!wrapper) return
  for (const element of wrapper.querySelectorAll(".prose-menubar [title], .prose-menubar [aria-label]")) {
    for (const attribute of ["title", "aria-label"]) {
      const value = element.getAttribute(attribute)
      if (value) element.setAttribute(attribute, translate(value))
    }
  }
  for (const option of wrapper.querySelectorAll(".prose-menubar__option > *")) {
    option.textContent = translate(option.textContent)
  }
}

async function create(textarea) {
  if (textarea.closest(".prose-editor")) return null
  const config = JSON.parse(textarea.getAttribute(ATTRIBUTE) || "{}")
  for (const url of config.js_modules || []) {
    Object.assign(available, await import(url))
  }
  const extensions = []
  for (const [name, options] of Object.entries(config.extensions || {})) {
    const extension = available[name]
    if (extension) {
      extensions.push(typeof options === "object" ? extension.configure(options) : extension)
    }
  }
  const editor = createTextareaEditor(textarea, extensions)
  // The menu bar is built when Tiptap emits "create", a tick after the constructor.
  editor.on("create", () => translateToolbar(textarea.closest(".prose-editor")))
  textarea.dispatchEvent(
    new CustomEvent("prose-editor:ready", { detail: { editor, textarea }, bubbles: true }),
  )
  return editor
}

export function createEditor(textarea) {
  if (!pending.has(textarea)) {
    pending.set(
      textarea,
      create(textarea).catch((error) => {
        console.error("Error initializing prose editor:", error)
        return null
      }),
    )
  }
  return pending.get(textarea)
}

editorModule.initializeEditors(createEditor, `[${ATTRIBUTE}]`)
