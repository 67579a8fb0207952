package dev.aiworkbench.assessment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out every item's review card from its graded retrievals, oldest first. An item joins review the first
 * time it is missed or answered with confidence 1 (FSRS rates those Again and Hard); from then on every
 * retrieval, in a quiz or a review, moves its schedule. Deriving cards from answers keeps them right when a
 * grade is changed afterwards.
 */
public final class ReviewSchedule {
    private final Fsrs fsrs;
    private final ZoneId zone;

    public ReviewSchedule(Fsrs fsrs, ZoneId zone) {
        this.fsrs = fsrs;
        this.zone = zone;
    }

    /** Cards by item id, in the order items joined review. */
    public Map<String, ReviewCard> cards(List<Retrieval> retrievals) {
        Map<String, ReviewCard> cards = new LinkedHashMap<>();
        retrievals.stream().sorted(Comparator.comparing(Retrieval::at)).forEach(r -> {
            LocalDate day = LocalDate.ofInstant(r.at(), zone);
            Rating rating = r.rating();
            int lapse = rating == Rating.AGAIN ? 1 : 0;
            ReviewCard card = cards.get(r.itemId());
            if (card == null) {
                if (rating == Rating.AGAIN || rating == Rating.HARD) {
                    cards.put(r.itemId(), new ReviewCard(r.itemId(), fsrs.first(rating, day), 1, lapse));
                }
            } else {
                cards.put(r.itemId(), new ReviewCard(r.itemId(), fsrs.review(card.memory(), rating, day),
                        card.reviews() + 1, card.lapses() + lapse));
            }
        });
        return cards;
    }

    /** The chance the card's item is recalled on the day. */
    public double retrievability(ReviewCard card, LocalDate day) {
        return fsrs.retrievability(card.memory(), day);
    }
}
