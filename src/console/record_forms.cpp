#include "console/record_forms.h"

namespace hb::console {

const RecordFormSpec* record_form(const std::string& kind) {
  using K = FieldKind;
  static const std::vector<RecordFormSpec> specs = {
      {"result", "办理结果",
       {{"item", "事项编码"},
        {"number", "办件编号"},
        {"date", "办结日期", K::date},
        {"decision", "办理结果", K::choice, {{"approve", "准予许可"}, {"deny", "不予许可"}}},
        {"applicant", "申请人", K::text, {}, "个人姓名在屏幕上自动遮盖"},
        {"applicant-kind", "申请人类型", K::choice, {{"person", "个人"}, {"org", "单位"}}}}},
      {"pledge", "党员承诺",
       {{"staff", "承诺人", K::staff, {}, "集体承诺可不选"},
        {"post", "岗位"},
        {"title", "标题"},
        {"text", "承诺内容", K::body}}},
      {"staff", "工作人员",
       {{"id", "工号（编号）", K::text, {}, "保存后不可修改"},
        {"name", "姓名"},
        {"title", "职务"},
        {"badge", "工牌号"},
        {"photo", "照片", K::photo, {}, "上传 PNG 或 JPEG 照片（不超过 2 MB），或填写照片的地址"},
        {"party", "党员", K::boolean}}},
      {"window", "窗口",
       {{"id", "窗口编号", K::text, {}, "保存后不可修改"},
        {"name", "名称"},
        {"service", "办理业务"},
        {"closed-note", "暂停服务时的提示"},
        {"post_a", "A角", K::post_a},
        {"post_b", "B角", K::post_b}}},
      {"notice", "公告",
       {{"id", "编号", K::text, {}, "保存后不可修改"},
        {"level", "级别", K::choice, {{"info", "一般"}, {"urgent", "紧急"}}},
        {"from", "开始显示", K::text, {}, "例如 2026-12-07T09:00"},
        {"to", "停止显示", K::text},
        {"text", "内容", K::body}}},
      {"hall", "大厅信息与服务承诺", {}},
      {"calendar", "办公时间与节假日", {}},
      {"stats", "月度统计", {}},
      {"playlist", "播放列表", {}},
      {"item", "事项", {}},
      {"absence", "请假与补岗", {}},
  };
  for (const auto& s : specs) {
    if (kind == s.kind) return &s;
  }
  return nullptr;
}

}  // namespace hb::console
