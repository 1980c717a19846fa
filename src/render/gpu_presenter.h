// The presenter for machines with a real GPU: the page and the tickers'
// text live in textures, and every frame that moves is drawn whole from
// them and presented at vsync.
#pragma once

#include <SDL2/SDL.h>

#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "render/page_turn.h"
#include "render/present_scene.h"
#include "render/presenter.h"
#include "render/window.h"

namespace hb::render {

class GpuPresenter final : public Presenter {
 public:
  // renderer draws into window; name is what name() returns.
  GpuPresenter(std::unique_ptr<Window> window, RendererPtr renderer, Canvas& canvas, FontSet& fonts,
               int rotate, std::string name);

  std::string_view name() const override { return name_; }
  Size page_size() const override;
  DrawReport show(const layout::Page& page, Size size, model::Transition how) override;
  DrawReport update(const layout::Page& page, Size size) override;
  void blank() override;
  FrameResult frame(double now_s) override;
  void invalidate() override { dirty_ = true; }
  SurfacePtr screenshot() override;
  PresentStats stats() const override { return stats_; }
  bool vsync() const override { return vsync_; }
  SDL_Window* window() const override { return window_->get(); }

 private:
  struct Tile {
    TexturePtr texture;
    SDL_Rect rect;  // in the page, or in the ticker's text from its start
  };
  // A ticker's text rendered once, cut into textures the GPU accepts.
  struct Strip {
    layout::Ticker ticker;
    std::vector<Tile> pieces;
  };
  // What one page needs on the GPU; the old page keeps its own while a
  // transition runs.
  struct Layer {
    Size size;
    std::vector<Tile> tiles;
    // As the scene's tickers, in order; shared with the next page when it
    // keeps the same ticker, so the text is rendered once.
    std::vector<std::shared_ptr<const Strip>> strips;
    std::vector<LiveTicker> tickers;  // their positions (frozen in the old page)
  };

  // The scene's page and tickers, with the strips of `reuse` that still fit.
  void upload(Layer& layer, const Layer& reuse, DrawReport& report);
  std::shared_ptr<const Strip> upload_strip(const LiveTicker& live, DrawReport& report);
  // The layer moved dx to the right at this opacity; only within `only`
  // (upright) when given.
  void draw(const Layer& layer, int dx, Uint8 alpha, const SDL_Rect* only = nullptr);
  void copy_turned(SDL_Texture* texture, const SDL_Rect& upright);
  SDL_Rect on_window(const SDL_Rect& upright) const;
  void end_transition();

  std::unique_ptr<Window> window_;
  RendererPtr renderer_;  // after window_: destroyed before it
  Scene scene_;
  Canvas& canvas_;
  int rotate_;
  std::string name_;
  int max_texture_w_ = 4096, max_texture_h_ = 4096;
  bool vsync_ = false;
  Layer current_, old_;
  bool transiting_ = false;
  PageTurn turn_;  // from old_ to current_: its survivors are not faded
  model::Transition how_ = model::Transition::none;
  double start_ = std::numeric_limits<double>::quiet_NaN();
  // Geometry of the frame being drawn.
  Size page_{}, output_{};
  SDL_Point origin_{};
  bool dirty_ = true;  // the next frame presents even if nothing moved
  bool blank_ = false;
  PresentStats stats_;
};

}  // namespace hb::render
