#include "net/network.h"

#include <curl/curl.h>

namespace hb::net {

NetworkLibrary::NetworkLibrary() : ok_(curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK) {}

NetworkLibrary::~NetworkLibrary() {
  if (ok_) curl_global_cleanup();
}

}  // namespace hb::net
