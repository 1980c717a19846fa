// DPMS through the KMS connector's property, without a desktop
// (panel_power_backends.h).
#include "app/panel_power_backends.h"

#if HALLBOARD_WITH_KMS
#include <fcntl.h>
#include <xf86drm.h>
#include <xf86drmMode.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <vector>

#include "base/unique_fd.h"
#endif

namespace hb::app {

#if HALLBOARD_WITH_KMS
namespace {

// Cards looked at: /dev/dri/card0 to card7.
constexpr int kMostCards = 8;

struct ResourcesFree {
  void operator()(drmModeRes* r) const { drmModeFreeResources(r); }
};
struct ConnectorFree {
  void operator()(drmModeConnector* c) const { drmModeFreeConnector(c); }
};
struct PropertiesFree {
  void operator()(drmModeObjectProperties* p) const { drmModeFreeObjectProperties(p); }
};
struct PropertyFree {
  void operator()(drmModePropertyRes* p) const { drmModeFreeProperty(p); }
};
using Resources = std::unique_ptr<drmModeRes, ResourcesFree>;
using Connector = std::unique_ptr<drmModeConnector, ConnectorFree>;
using Properties = std::unique_ptr<drmModeObjectProperties, PropertiesFree>;
using Property = std::unique_ptr<drmModePropertyRes, PropertyFree>;

struct Target {
  std::uint32_t connector = 0;
  std::uint32_t property = 0;  // its "DPMS"
};

// The DPMS property of a connector; 0 when it has none.
std::uint32_t dpms_property(int fd, std::uint32_t connector) {
  const Properties props(drmModeObjectGetProperties(fd, connector, DRM_MODE_OBJECT_CONNECTOR));
  if (!props) return 0;
  for (std::uint32_t i = 0; i < props->count_props; ++i) {
    const Property p(drmModeGetProperty(fd, props->props[i]));
    if (p && std::strcmp(p->name, "DPMS") == 0) return p->prop_id;
  }
  return 0;
}

// The connector's DPMS value; nothing when it cannot be read.
std::optional<std::uint64_t> dpms_value(int fd, const Target& t) {
  const Properties props(drmModeObjectGetProperties(fd, t.connector, DRM_MODE_OBJECT_CONNECTOR));
  if (!props) return std::nullopt;
  for (std::uint32_t i = 0; i < props->count_props; ++i)
    if (props->props[i] == t.property) return props->prop_values[i];
  return std::nullopt;
}

// Every connected connector of the card with a DPMS property.
std::vector<Target> connected(int fd) {
  std::vector<Target> out;
  const Resources res(drmModeGetResources(fd));
  if (!res) return out;
  for (int i = 0; i < res->count_connectors; ++i) {
    const Connector c(drmModeGetConnector(fd, res->connectors[i]));
    if (!c || c->connection != DRM_MODE_CONNECTED) continue;
    if (const auto prop = dpms_property(fd, c->connector_id)) out.push_back({c->connector_id, prop});
  }
  return out;
}

class KmsDpms : public PanelPower {
 public:
  std::string name() const override { return "dpms (KMS)"; }

  explicit KmsDpms(int borrowed) : borrowed_(borrowed) {}

  // On when any output is on.
  std::optional<bool> query() override {
    if (targets_.empty()) return std::nullopt;
    bool any_on = false;
    for (const auto& t : targets_) {
      const auto value = dpms_value(fd(), t);
      if (!value) return std::nullopt;
      any_on = any_on || *value == DRM_MODE_DPMS_ON;
    }
    return any_on;
  }

  PowerResult set(bool on) override {
    if (targets_.empty())
      if (auto error = open_card()) return *error;
    // SDL's kmsdrm, or an X server, holds the master of a card opened anew.
    if (!drmIsMaster(fd()) && drmSetMaster(fd()) != 0) {
      const int e = errno;
      forget();
      return PowerError{PowerErrorKind::refused, card_,
                        std::string("not DRM master (another program holds the card): ") +
                            std::strerror(e)};
    }
    for (const auto& t : targets_)
      if (drmModeConnectorSetProperty(fd(), t.connector, t.property,
                                      on ? DRM_MODE_DPMS_ON : DRM_MODE_DPMS_OFF) != 0) {
        const int e = errno;
        forget();
        return PowerError{PowerErrorKind::failed, card_,
                          "setting the connector's DPMS failed: " + std::string(std::strerror(e))};
      }
    return on;
  }

 private:
  int fd() const { return borrowed_ >= 0 ? borrowed_ : own_.get(); }
  // Looked for again at the next command: a panel plugged in elsewhere.
  void forget() {
    own_ = base::UniqueFd();
    targets_.clear();
  }

  std::optional<PowerError> open_card() {
    if (borrowed_ >= 0) {
      card_ = "the screen's DRM device";
      targets_ = connected(borrowed_);
      if (targets_.empty())
        return PowerError{PowerErrorKind::no_device, card_, "no connected output with DPMS"};
      return std::nullopt;
    }
    std::string tried;
    for (int n = 0; n < kMostCards; ++n) {
      const std::string path = "/dev/dri/card" + std::to_string(n);
      base::UniqueFd fd(::open(path.c_str(), O_RDWR | O_CLOEXEC));
      if (!fd.valid()) {
        if (errno != ENOENT) tried += (tried.empty() ? "" : "; ") + path + ": " + std::strerror(errno);
        continue;
      }
      auto targets = connected(fd.get());
      if (targets.empty()) {
        tried += (tried.empty() ? "" : "; ") + path + ": no connected output with DPMS";
        continue;
      }
      own_ = std::move(fd);
      card_ = path;
      targets_ = std::move(targets);
      return std::nullopt;
    }
    return PowerError{PowerErrorKind::no_device, "/dev/dri",
                      "no DRM card with a connected output" + (tried.empty() ? "" : " (" + tried + ")")};
  }

  int borrowed_;  // -1: own_
  base::UniqueFd own_;
  std::string card_;
  std::vector<Target> targets_;
};

}  // namespace

std::unique_ptr<PanelPower> make_kms_dpms(int borrowed_fd) {
  return std::make_unique<KmsDpms>(borrowed_fd);
}
#else
std::unique_ptr<PanelPower> make_kms_dpms(int) {
  return make_unavailable("dpms (KMS)", PowerErrorKind::not_built,
                          "this build has no KMS DPMS (built without libdrm-dev)");
}
#endif

}  // namespace hb::app
