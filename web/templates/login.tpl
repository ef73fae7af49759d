{{%AUTOESCAPE context="HTML"}}<div class="panel login">
<h1>ورود به لاکونا</h1>
{{#FAILED}}<div class="error-summary" role="alert"><p>نام کاربری یا گذرواژه درست نیست.</p></div>{{/FAILED}}
{{#THROTTLED}}<div class="error-summary" role="alert"><p>تلاش‌های ناموفق بیش از حد مجاز بود؛ چند دقیقه بعد دوباره بکوشید.</p></div>{{/THROTTLED}}
<form method="post" action="/login">
<input type="hidden" name="next" value="{{NEXT}}">
<div class="field">
<label for="f-username">نام کاربری</label>
<input type="text" id="f-username" name="username" value="{{USERNAME}}" autocomplete="username" dir="ltr" required autofocus>
</div>
<div class="field">
<label for="f-password">گذرواژه</label>
<input type="password" id="f-password" name="password" autocomplete="current-password" dir="ltr" required>
</div>
<button type="submit">ورود</button>
</form>
</div>
