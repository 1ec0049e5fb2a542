// Rendering extracted blocks as plain text or Markdown. Plain text separates
// blocks with a blank line (consecutive list items and table rows with a single
// line break) so that paragraphs stay recognisable; Markdown keeps structure.
#include <string>

#include "saring/extract.h"

namespace saring::extract {

namespace {

bool tight_pair(const Block& a, const Block& b) {
  return a.kind == BlockKind::list_item && b.kind == BlockKind::list_item;
}

// Numbers of ordered list items: position among consecutive items of the same
// list depth.
std::vector<int> item_numbers(const std::vector<Block>& blocks) {
  std::vector<int> numbers(blocks.size(), 0);
  std::vector<int> counters;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (b.kind != BlockKind::list_item) {
      counters.clear();
      continue;
    }
    size_t depth = static_cast<size_t>(b.level < 1 ? 1 : b.level);
    if (counters.size() < depth) counters.resize(depth, 0);
    counters.resize(depth);
    numbers[i] = ++counters[depth - 1];
  }
  return numbers;
}

std::string escape_cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out.push_back(c);
  }
  return out;
}

// Joins the non-empty pieces that `piece_of(block, item_number, piece)` makes
// of each block: consecutive list items with one line break, others with a
// blank line. The two formats differ only in how a block becomes a piece.
template <typename PieceOf>
void join_blocks(const std::vector<Block>& blocks, std::string& out, PieceOf piece_of) {
  std::vector<int> numbers = item_numbers(blocks);
  const Block* prev = nullptr;
  std::string piece;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    piece.clear();
    piece_of(b, numbers[i], piece);
    if (piece.empty()) continue;
    if (!out.empty()) out += (prev && tight_pair(*prev, b)) ? "\n" : "\n\n";
    out += piece;
    prev = &b;
  }
}

void text_piece(const Block& b, int number, std::string& piece) {
  switch (b.kind) {
    case BlockKind::image:
      break;
    case BlockKind::list_item:
      piece = b.ordered ? std::to_string(number) + ". " : std::string("- ");
      piece.append(b.text);
      break;
    case BlockKind::table:
      for (size_t r = 0; r < b.rows.size(); ++r) {
        if (r) piece.push_back('\n');
        for (size_t c = 0; c < b.rows[r].size(); ++c) {
          if (c) piece += " | ";
          piece += b.rows[r][c];
        }
      }
      break;
    default:
      piece = b.text;
  }
}

void markdown_piece(const Block& b, int number, std::string& piece) {
  switch (b.kind) {
    case BlockKind::heading:
      piece.assign(static_cast<size_t>(b.level < 1 ? 1 : (b.level > 6 ? 6 : b.level)), '#');
      piece.push_back(' ');
      piece.append(b.text);
      break;
    case BlockKind::list_item: {
      int depth = b.level < 1 ? 1 : b.level;
      piece = std::string(static_cast<size_t>(2 * (depth - 1)), ' ');
      piece += b.ordered ? std::to_string(number) + ". " : std::string("- ");
      piece += b.text;
      break;
    }
    case BlockKind::quote: {
      piece = "> ";
      for (char c : b.text) {
        piece.push_back(c);
        if (c == '\n') piece += "> ";
      }
      break;
    }
    case BlockKind::code:
      piece.append("```\n").append(b.text).append("\n```");
      break;
    case BlockKind::table: {
      for (size_t r = 0; r < b.rows.size(); ++r) {
        if (r) piece.push_back('\n');
        piece += "|";
        for (const std::string& cell : b.rows[r]) {
          piece.push_back(' ');
          piece.append(escape_cell(cell)).append(" |");
        }
        if (r == 0) {
          piece += "\n|";
          for (size_t c = 0; c < b.rows[0].size(); ++c) piece += " --- |";
        }
      }
      break;
    }
    case BlockKind::image:
      piece.append("![").append(b.alt).append("](").append(b.src).push_back(')');
      break;
    default:
      piece = b.text;
  }
}

void render_blocks_text(const std::vector<Block>& blocks, std::string& out) {
  join_blocks(blocks, out, text_piece);
}

void render_blocks_markdown(const std::vector<Block>& blocks, std::string& out) {
  join_blocks(blocks, out, markdown_piece);
}

}  // namespace

std::string render_text(const Content& content) {
  std::string out;
  render_blocks_text(content.blocks, out);
  render_blocks_text(content.comments, out);
  if (!out.empty()) out.push_back('\n');
  return out;
}

std::string render_markdown(const Content& content) {
  std::string out;
  render_blocks_markdown(content.blocks, out);
  if (!content.comments.empty()) {
    if (!out.empty()) out += "\n\n";
    out += "---";
    std::string comments;
    render_blocks_markdown(content.comments, comments);
    out.append("\n\n").append(comments);
  }
  if (!out.empty()) out.push_back('\n');
  return out;
}

}  // namespace saring::extract
