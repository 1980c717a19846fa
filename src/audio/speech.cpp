#include "audio/speech.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include "audio/resample.h"

namespace hb::audio {
namespace {

std::string status_text(espeak_ng_STATUS status) {
  char buffer[512] = {};
  espeak_ng_GetStatusCodeMessage(status, buffer, sizeof buffer);
  return buffer;
}

// espeak-ng hands samples over in pieces; user_data is the Pcm being filled,
// so no state outside the call is needed.
int collect(short* wav, int count, espeak_EVENT* events) {
  if (wav && count > 0 && events && events->user_data) {
    auto& pcm = *static_cast<Pcm*>(events->user_data);
    pcm.samples.insert(pcm.samples.end(), wav, wav + count);
  }
  return 0;
}

}  // namespace

base::Result<Speech, std::string> Speech::open(const std::string& voice) {
  espeak_ng_InitializePath(nullptr);
  espeak_ng_ERROR_CONTEXT context = nullptr;
  auto status = espeak_ng_Initialize(&context);
  if (status != ENS_OK) {
    espeak_ng_ClearErrorContext(&context);
    return "espeak-ng: " + status_text(status);
  }
  Speech speech(0, true);  // from here the destructor terminates the library
  status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
  if (status != ENS_OK) return "espeak-ng: " + status_text(status);
  status = espeak_ng_SetVoiceByName(voice.c_str());
  if (status != ENS_OK)
    return "espeak-ng has no voice \"" + voice + "\" (" + status_text(status) +
           "; install espeak-ng-data)";
  espeak_SetSynthCallback(collect);
  speech.rate_ = espeak_ng_GetSampleRate();
  return speech;
}

Speech::~Speech() {
  if (owns_) espeak_ng_Terminate();
}

base::Result<Pcm, std::string> Speech::say(std::string_view text) {
  Pcm pcm;
  const std::string z(text);  // espeak reads up to a NUL
  const auto status = espeak_ng_Synthesize(z.c_str(), z.size() + 1, 0, POS_CHARACTER, 0,
                                           espeakCHARS_UTF8, nullptr, &pcm);
  if (status != ENS_OK) return "espeak-ng: " + status_text(status);
  if (rate_ == kRate) return pcm;
  return resample(pcm.samples, rate_);
}

}  // namespace hb::audio
