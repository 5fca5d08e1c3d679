#include "service/place_gazetteer.hpp"

#include "assets/assets.hpp"
#include "core/error.hpp"

namespace storybank::service {

const text::PlaceGazetteer& place_gazetteer() {
    static const text::PlaceGazetteer gazetteer = [] {
        auto asset = assets::find("places/gazetteer.tsv");
        if (!asset) {
            throw Error(ErrorKind::Internal, "this build carries no place gazetteer (resources/places/gazetteer.tsv)");
        }
        return text::PlaceGazetteer(asset->bytes);
    }();
    return gazetteer;
}

}  // namespace storybank::service
