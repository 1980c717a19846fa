#include "import/zip_archive.h"

#include <zip.h>

#include "import/readers.h"

namespace hb::import {
namespace {

constexpr std::size_t kChunk = 64 * 1024;

struct SourceFree {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};
struct FileClose {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

ImportError broken(const std::string& what) {
  return error(ErrorKind::unreadable, "无法读取的 Excel 文件（" + what +
                                          "）：文件可能已损坏或不完整，请在 Excel 或 WPS "
                                          "中打开后重新保存为 .xlsx");
}

ImportError bomb() {
  return error(ErrorKind::over_limit,
               "Excel 文件解压后过大，不像是事项清单（可能是恶意构造的压缩文件），已拒绝");
}

}  // namespace

void ZipArchive::Close::operator()(zip* archive) const {
  zip_discard(archive);  // read only: nothing to write back
}

std::variant<ZipArchive, ImportError> ZipArchive::open(std::string_view bytes,
                                                       const Limits& limits) {
  zip_error_t err;
  zip_error_init(&err);
  std::unique_ptr<zip_source_t, SourceFree> source(
      zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err));
  zip_error_fini(&err);
  if (!source) return broken("内存不足");
  zip_error_init(&err);
  std::unique_ptr<zip, Close> archive(zip_open_from_source(source.get(), ZIP_RDONLY, &err));
  const std::string reason = zip_error_strerror(&err);
  zip_error_fini(&err);
  if (!archive) return broken(reason);
  source.release();  // the archive owns it now, and frees it with itself

  const zip_int64_t entries = zip_get_num_entries(archive.get(), 0);
  if (entries < 0) return broken("目录无法读取");
  if (static_cast<std::size_t>(entries) > limits.max_zip_entries) return bomb();
  // The directory's own claims first: cheap, and most bombs say what they are.
  std::size_t declared = 0;
  for (zip_int64_t i = 0; i < entries; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0)
      return broken("目录无法读取");
    if (!(st.valid & ZIP_STAT_SIZE)) continue;
    if (st.size > limits.max_entry_bytes) return bomb();
    declared += static_cast<std::size_t>(st.size);
    if (declared > limits.max_uncompressed_bytes) return bomb();
  }
  return ZipArchive(std::move(archive), limits);
}

// Part names are case-insensitive in OPC (ECMA-376 part 2), and some
// writers' relationships spell them differently from the zip's entries.
bool ZipArchive::has(const std::string& name) const {
  return zip_name_locate(archive_.get(), name.c_str(), ZIP_FL_NOCASE) >= 0;
}

std::variant<std::monostate, std::string, ImportError> ZipArchive::read(const std::string& name) {
  const zip_int64_t index = zip_name_locate(archive_.get(), name.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return std::monostate{};
  std::unique_ptr<zip_file_t, FileClose> file(
      zip_fopen_index(archive_.get(), static_cast<zip_uint64_t>(index), 0));
  if (!file) return broken(name + " 无法打开");
  std::string out;
  char buffer[kChunk];
  // Stops as soon as the entry or the whole archive passes its bound,
  // whatever the directory declared.
  while (true) {
    const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0) return broken(name + " 无法解压");
    if (n == 0) break;
    const auto got = static_cast<std::size_t>(n);
    inflated_ += got;
    if (out.size() + got > limits_.max_entry_bytes || inflated_ > limits_.max_uncompressed_bytes)
      return bomb();
    out.append(buffer, got);
  }
  return out;
}

}  // namespace hb::import
