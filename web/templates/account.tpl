{{%AUTOESCAPE context="HTML"}}<h1>حساب من</h1>
{{>ERROR_SUMMARY}}
{{#CHANGED}}<p class="notice ok" role="status">گذرواژه تازه ثبت شد. همه نشست‌های دیگر این حساب (در مرورگرها و برنامه‌های دیگر) همان دم بسته شد؛ این نشست باز می‌ماند.</p>{{/CHANGED}}
{{#ENDED}}<p class="notice ok" role="status">آن نشست بسته شد: هر جا با آن وارد شده بود، درخواست بعدی‌اش به صفحه ورود می‌رود.</p>{{/ENDED}}
{{#GONE}}<p class="notice" role="status">آن نشست پیش‌تر بسته شده بود یا اعتبارش به سر رسیده بود.</p>{{/GONE}}
<div class="grid">
<section class="panel" aria-labelledby="h-facts">
<h2 id="h-facts">مشخصات</h2>
<dl class="facts">
<dt>نام کاربری</dt><dd><bdi>{{USERNAME}}</bdi></dd>
<dt>نقش‌ها</dt><dd>{{ROLES}}</dd>
<dt>شهر</dt><dd>{{CITY}}</dd>
</dl>
<p class="muted">نقش‌ها و شهر را مدیر سامانه تعیین می‌کند.</p>
</section>
<form class="panel" method="post" action="/account/password" id="password">
<input type="hidden" name="csrf" value="{{CSRF}}">
<h2>تغییر گذرواژه</h2>
<p>با ثبت گذرواژه تازه، هر جای دیگری که با این حساب وارد شده‌اید (مرورگری دیگر، برنامه‌ای با توکن) بیرون می‌رود.</p>
<div class="field{{#CURRENT_PASSWORD_HAS_ERROR}} has-error{{/CURRENT_PASSWORD_HAS_ERROR}}"><label for="f-current_password">گذرواژه کنونی</label>{{#CURRENT_PASSWORD_HAS_ERROR}}<span class="error-message">{{CURRENT_PASSWORD_ERROR}}</span>{{/CURRENT_PASSWORD_HAS_ERROR}}<input type="password" id="f-current_password" name="current_password" dir="ltr" required autocomplete="current-password"></div>
<div class="field{{#NEW_PASSWORD_HAS_ERROR}} has-error{{/NEW_PASSWORD_HAS_ERROR}}"><label for="f-new_password">گذرواژه تازه <span class="hint">دست‌کم ۱۰ نویسه</span></label>{{#NEW_PASSWORD_HAS_ERROR}}<span class="error-message">{{NEW_PASSWORD_ERROR}}</span>{{/NEW_PASSWORD_HAS_ERROR}}<input type="password" id="f-new_password" name="new_password" dir="ltr" required minlength="10" autocomplete="new-password"></div>
<div class="field{{#NEW_PASSWORD_AGAIN_HAS_ERROR}} has-error{{/NEW_PASSWORD_AGAIN_HAS_ERROR}}"><label for="f-new_password_again">گذرواژه تازه، دوباره</label>{{#NEW_PASSWORD_AGAIN_HAS_ERROR}}<span class="error-message">{{NEW_PASSWORD_AGAIN_ERROR}}</span>{{/NEW_PASSWORD_AGAIN_HAS_ERROR}}<input type="password" id="f-new_password_again" name="new_password_again" dir="ltr" required minlength="10" autocomplete="new-password"></div>
<button type="submit">ثبت گذرواژه تازه</button>
</form>
</div>
{{>SESSIONS}}
