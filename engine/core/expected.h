// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <functional>
#include <type_traits>
#include <utility>
#include <variant>

namespace taglens::engine {

template <typename T> class Expected;

namespace detail {
template <typename> struct IsExpected : std::false_type
{
};
template <typename T> struct IsExpected<Expected<T>> : std::true_type
{
};
} // namespace detail

/// A value or an Error. The engine's I/O and inference calls return this instead of throwing.
///
/// `[[nodiscard]]`: a result that may carry an error is looked at, or dropped on purpose with
/// `std::ignore =` (say why beside it). `andThen()` chains a step that can fail, `transform()` one
/// that cannot; both pass an error through untouched, so a sequence of steps needs no
/// `if (!x) return x.error();` after each.
// The defaulted assignments may throw only where QString or T's own do (std::bad_alloc).
template <typename T> class [[nodiscard]] Expected // NOLINT(bugprone-exception-escape)
{
public:
    using ValueType = T;

    Expected(T value) : m_state(std::move(value)) {}
    Expected(Error error) : m_state(std::move(error)) {}

    bool hasValue() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return hasValue(); }

    T &value() & { return std::get<T>(m_state); }
    const T &value() const & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<Error>(m_state); }

    /// The value, or \a fallback when this holds an error.
    template <typename U> T valueOr(U &&fallback) const &
    {
        return hasValue() ? value() : static_cast<T>(std::forward<U>(fallback));
    }

    /// f(value) → Expected<U>; an error skips f and is passed on.
    template <typename F> auto andThen(F &&f) const &
    {
        using Result = std::invoke_result_t<F, const T &>;
        static_assert(detail::IsExpected<Result>::value, "andThen() takes a step that returns an Expected");
        return hasValue() ? std::invoke(std::forward<F>(f), value()) : Result(error());
    }
    template <typename F> auto andThen(F &&f) &&
    {
        using Result = std::invoke_result_t<F, T &&>;
        static_assert(detail::IsExpected<Result>::value, "andThen() takes a step that returns an Expected");
        return hasValue() ? std::invoke(std::forward<F>(f), std::move(*this).value()) : Result(error());
    }

    /// f(value) → U, wrapped as Expected<U>; an error skips f and is passed on.
    template <typename F> auto transform(F &&f) const &
    {
        using U = std::remove_cvref_t<std::invoke_result_t<F, const T &>>;
        if (!hasValue())
            return Expected<U>(error());
        if constexpr (std::is_void_v<U>) {
            std::invoke(std::forward<F>(f), value());
            return Expected<U>();
        } else {
            return Expected<U>(std::invoke(std::forward<F>(f), value()));
        }
    }
    template <typename F> auto transform(F &&f) &&
    {
        using U = std::remove_cvref_t<std::invoke_result_t<F, T &&>>;
        if (!hasValue())
            return Expected<U>(error());
        if constexpr (std::is_void_v<U>) {
            std::invoke(std::forward<F>(f), std::move(*this).value());
            return Expected<U>();
        } else {
            return Expected<U>(std::invoke(std::forward<F>(f), std::move(*this).value()));
        }
    }

    /// f(error) → Error: reword or recode an error (say what was being done); a value passes.
    template <typename F> Expected transformError(F &&f) const &
    {
        return hasValue() ? *this : Expected(std::invoke(std::forward<F>(f), error()));
    }

private:
    std::variant<T, Error> m_state;
};

/// Success without a value, or an Error.
template <> class [[nodiscard]] Expected<void>
{
public:
    using ValueType = void;

    Expected() = default;
    Expected(Error error) : m_error(std::move(error)), m_failed(true) {}

    bool hasValue() const { return !m_failed; }
    explicit operator bool() const { return hasValue(); }
    const Error &error() const { return m_error; }

    /// f() → Expected<U>, run only on success; an error is passed on.
    template <typename F> auto andThen(F &&f) const
    {
        using Result = std::invoke_result_t<F>;
        static_assert(detail::IsExpected<Result>::value, "andThen() takes a step that returns an Expected");
        return hasValue() ? std::invoke(std::forward<F>(f)) : Result(m_error);
    }

    /// f() → U, wrapped as Expected<U>, run only on success; an error is passed on.
    template <typename F> auto transform(F &&f) const
    {
        using U = std::remove_cvref_t<std::invoke_result_t<F>>;
        if (!hasValue())
            return Expected<U>(m_error);
        if constexpr (std::is_void_v<U>) {
            std::invoke(std::forward<F>(f));
            return Expected<U>();
        } else {
            return Expected<U>(std::invoke(std::forward<F>(f)));
        }
    }

    /// f(error) → Error; success passes.
    template <typename F> Expected transformError(F &&f) const
    {
        return hasValue() ? *this : Expected(std::invoke(std::forward<F>(f), m_error));
    }

private:
    Error m_error;
    bool m_failed = false;
};

} // namespace taglens::engine
