package dev.aiworkbench.progress;

import java.util.AbstractList;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An immutable list whose {@link #plusAll} shares its storage with the list it grew from, so a
 * snapshot's history grows by a change's events without a copy. pcollections' TreePVector does the
 * same in O(log n) per element but takes O(n log n) to build from a full read, a tenth of a second
 * or more at 100,000 events; this takes one array copy.
 *
 * <p>Lists made from one another share one array. Only the first to grow from a given length writes
 * into it (the claim is a compare-and-set on the length used so far); any other copies first. A
 * slot is written before the list that holds it is handed out, and no list reads past its own size,
 * so a reader on another thread sees only what was written before it got the list.
 */
final class GrowingList<E> extends AbstractList<E> implements RandomAccess {
    private static final GrowingList<?> EMPTY = new GrowingList<>(new Storage(new Object[0], 0), 0);

    private static final class Storage {
        final Object[] slots;
        final AtomicInteger used;

        Storage(Object[] slots, int used) {
            this.slots = slots;
            this.used = new AtomicInteger(used);
        }
    }

    private final Storage storage;
    private final int size;

    private GrowingList(Storage storage, int size) {
        this.storage = storage;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <E> GrowingList<E> of(Collection<? extends E> elements) {
        if (elements instanceof GrowingList<?> growing) {
            return (GrowingList<E>) growing;
        }
        Object[] slots = elements.toArray();
        return slots.length == 0 ? (GrowingList<E>) EMPTY : new GrowingList<>(new Storage(slots, slots.length), slots.length);
    }

    /** This list followed by the elements; this list is unchanged. */
    GrowingList<E> plusAll(List<? extends E> more) {
        if (more.isEmpty()) {
            return this;
        }
        int grown = size + more.size();
        Storage target = grown <= storage.slots.length && storage.used.compareAndSet(size, grown) ? storage
                : copy(grown);
        for (int i = 0; i < more.size(); i++) {
            target.slots[size + i] = more.get(i);
        }
        return new GrowingList<>(target, grown);
    }

    /** Room for at least {@code grown} elements, half as much again spare, holding this list's elements. */
    private Storage copy(int grown) {
        Object[] slots = new Object[Math.max(grown + grown / 2, 16)];
        System.arraycopy(storage.slots, 0, slots, 0, size);
        return new Storage(slots, grown);
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of " + size);
        }
        return (E) storage.slots[index];
    }

    @Override
    public int size() {
        return size;
    }
}
