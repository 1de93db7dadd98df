package enabled.analysis;

import java.util.function.Supplier;

/**
 * What a factory builds from its settings, or why it could not.
 *
 * Elasticsearch instantiates every stable-plugin component with empty settings for each new
 * index, and turns an exception from a constructor into a 500 "Cannot create instance". An
 * exception from {@code create()}, which Elasticsearch calls while it checks a new index's
 * analyzers, reaches the client as a 400 carrying our message, as analysis-common's errors do.
 * So constructors build through this class and {@code create()} reports the problem.
 */
final class Deferred<T> {

    private final T value;
    private final IllegalArgumentException problem;

    private Deferred(T value, IllegalArgumentException problem) {
        this.value = value;
        this.problem = problem;
    }

    /** {@code component} names the filter or tokenizer in messages that would not say it. */
    static <T> Deferred<T> of(String component, Supplier<T> build) {
        try {
            return new Deferred<>(build.get(), null);
        } catch (RuntimeException e) {
            if (e.getClass() == IllegalArgumentException.class) {
                return new Deferred<>(null, (IllegalArgumentException) e);
            }
            // A setting of the wrong type, such as min_gram: "abc" (a NumberFormatException).
            String message = "[" + component + "] invalid setting: " + e.getMessage();
            return new Deferred<>(null, new IllegalArgumentException(message, e));
        }
    }

    T get() {
        if (problem != null) {
            // A new exception each time: the recorded one is shared by every thread using the factory.
            throw new IllegalArgumentException(problem.getMessage(), problem);
        }
        return value;
    }
}
