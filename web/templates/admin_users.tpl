{{%AUTOESCAPE context="HTML"}}<p class="muted">مدیریت › کاربران · <a href="/admin/webhooks">وب‌هوک‌ها</a> · <a href="/admin/mail">صندوق ارسال نامه‌ها</a></p>
<h1>کاربران</h1>
{{>ERROR_SUMMARY}}
<table class="rows">
<caption class="muted">همه حساب‌ها به ترتیب نام کاربری</caption>
<thead><tr><th scope="col">نام کاربری</th><th scope="col">نقش‌ها</th><th scope="col">شهر</th><th scope="col">ساخته‌شده</th></tr></thead>
<tbody>
{{#USER}}<tr><td><a href="/admin/users/{{ID}}"><bdi>{{USERNAME}}</bdi></a>{{#DISABLED}} <span class="tag">غیرفعال</span>{{/DISABLED}}</td><td data-label="نقش‌ها">{{ROLES}}</td><td data-label="شهر">{{CITY}}</td><td data-label="ساخته‌شده"><time datetime="{{CREATED_AT_ISO}}">{{CREATED_AT}}</time></td></tr>{{/USER}}
</tbody>
</table>
<form class="panel" method="post" action="/admin/users" id="new-user">
<input type="hidden" name="csrf" value="{{CSRF}}">
<h2>افزودن کاربر</h2>
<div class="grid">
<div class="field{{#USERNAME_HAS_ERROR}} has-error{{/USERNAME_HAS_ERROR}}"><label for="f-username">نام کاربری <span class="hint">حروف کوچک لاتین، رقم، نقطه یا خط تیره؛ مانند tehran.director</span></label>{{#USERNAME_HAS_ERROR}}<span class="error-message">{{USERNAME_ERROR}}</span>{{/USERNAME_HAS_ERROR}}<input type="text" id="f-username" name="username" value="{{NEW_USERNAME}}" dir="ltr" required autocomplete="off"></div>
<div class="field{{#PASSWORD_HAS_ERROR}} has-error{{/PASSWORD_HAS_ERROR}}"><label for="f-password">گذرواژه نخست <span class="hint">دست‌کم ۱۰ نویسه</span></label>{{#PASSWORD_HAS_ERROR}}<span class="error-message">{{PASSWORD_ERROR}}</span>{{/PASSWORD_HAS_ERROR}}<input type="password" id="f-password" name="password" dir="ltr" required minlength="10" autocomplete="new-password"></div>
</div>
{{>ACCOUNT_INPUTS}}
<button type="submit">افزودن کاربر</button>
</form>
