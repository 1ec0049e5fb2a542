// libxml2 backend: libxml2's HTML parser (the one lxml, and so trafilatura,
// uses) in recover mode. It is not an HTML5 tree builder: it repairs markup
// with its own auto-close tables, which is why it can disagree with browsers
// on broken pages. We hand it UTF-8 explicitly (so it never sniffs a <meta>
// charset and re-decodes), forbid network access, and use XML_PARSE_HUGE so
// deep nesting is not cut off at libxml2's default depth limit of 256.
//
// The resulting xmlDoc is replayed into our DocumentBuilder with an
// iterative walk (children / next / parent links), then freed.
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <climits>
#include <mutex>

#include "backends.h"

namespace saring::html::detail {
namespace {

constexpr int kParseFlags = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                            HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE;

std::string_view as_view(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

void replay(xmlDocPtr doc, const ParseOptions& options, DocumentBuilder& builder) {
  std::vector<Attribute> attrs;
  std::vector<xmlChar*> flattened;
  xmlNodePtr node = doc->children;
  xmlNodePtr top = reinterpret_cast<xmlNodePtr>(doc);
  while (node) {
    switch (node->type) {
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        builder.add_text(as_view(node->content));
        break;
      case XML_COMMENT_NODE:
        if (options.keep_comments) builder.add_comment(as_view(node->content));
        break;
      case XML_ELEMENT_NODE: {
        attrs.clear();
        for (xmlAttrPtr a = node->properties; a; a = a->next) {
          std::string_view value;
          if (a->children && a->children->type == XML_TEXT_NODE && !a->children->next) {
            value = as_view(a->children->content);
          } else if (a->children) {
            // Rare: several children (entity references). Flatten them; the
            // builder copies the value, so it is freed right after.
            xmlChar* flat = xmlNodeListGetString(doc, a->children, 1);
            flattened.push_back(flat);
            value = as_view(flat);
          }
          attrs.push_back({as_view(a->name), value});
        }
        std::string_view name = as_view(node->name);
        builder.start_element(tag_from_name(name), name, attrs.data(), attrs.size());
        for (xmlChar* f : flattened) xmlFree(f);
        flattened.clear();
        if (node->children) {
          node = node->children;
          continue;
        }
        builder.end_element();
        break;
      }
      default:
        break;  // DTD, processing instructions, entity declarations
    }
    while (!node->next) {
      node = node->parent;
      if (!node || node == top) return;
      builder.end_element();
    }
    node = node->next;
  }
}

struct DepthGuard {
  size_t max_open;
  startElementSAXFunc start_element;  // libxml2's own tree-building handler
  bool tripped;
};

void guarded_start_element(void* ctx, const xmlChar* name, const xmlChar** atts) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  auto* guard = static_cast<DepthGuard*>(ctxt->_private);
  if (static_cast<size_t>(ctxt->nameNr) > guard->max_open) {
    guard->tripped = true;
    xmlStopParser(ctxt);
    return;
  }
  guard->start_element(ctx, name, atts);
}

}  // namespace

Result<Document> parse_with_libxml2(std::string_view utf8_html, const ParseOptions& options,
                                    size_t max_open) {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  DocumentBuilder builder(options.max_depth, work_budget(options, utf8_html.size()));
  if (utf8_html.empty()) return builder.finish();
  if (utf8_html.size() > static_cast<size_t>(INT_MAX))
    return make_error(ErrorCode::unsupported, "HTML input too large for libxml2");
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  if (!ctxt) return make_error(ErrorCode::internal, "libxml2: cannot create a parser context");
  // Watch the depth from the start-element callback; stop the parser when
  // it passes max_open (see backends.h).
  DepthGuard guard{max_open, ctxt->sax->startElement, false};
  ctxt->_private = &guard;
  ctxt->sax->startElement = guarded_start_element;
  htmlDocPtr doc = htmlCtxtReadMemory(ctxt, utf8_html.data(), static_cast<int>(utf8_html.size()),
                                      nullptr, "UTF-8", kParseFlags);
  htmlFreeParserCtxt(ctxt);
  if (guard.tripped) {
    if (doc) xmlFreeDoc(doc);
    return make_error(ErrorCode::too_large,
                      "more than " + std::to_string(max_open) + " open elements");
  }
  if (!doc) return builder.finish();  // nothing recoverable: an empty document
  replay(doc, options, builder);
  xmlFreeDoc(doc);
  if (builder.over_budget()) return builder.budget_error();
  return builder.finish();
}

}  // namespace saring::html::detail
