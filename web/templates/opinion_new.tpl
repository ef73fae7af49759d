{{%AUTOESCAPE context="HTML"}}<p class="muted"><a href="/opinions">استعلام‌ها</a> › استعلام تازه</p>
<h1>استعلام تازه از کمیته حقوقی</h1>
{{>ERROR_SUMMARY}}
<form class="panel" method="post" action="/opinions">
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field{{#TITLE_HAS_ERROR}} has-error{{/TITLE_HAS_ERROR}}"><label for="f-title">موضوع</label>{{#TITLE_HAS_ERROR}}<span class="error-message">{{TITLE_ERROR}}</span>{{/TITLE_HAS_ERROR}}<input type="text" id="f-title" name="title" value="{{TITLE}}" required maxlength="300"></div>
<div class="field{{#QUESTION_HAS_ERROR}} has-error{{/QUESTION_HAS_ERROR}}"><label for="f-question">پرسش <span class="hint">آنچه شهر از کمیته می‌پرسد، با شرح موضوع</span></label>{{#QUESTION_HAS_ERROR}}<span class="error-message">{{QUESTION_ERROR}}</span>{{/QUESTION_HAS_ERROR}}<textarea id="f-question" name="question" class="long" required>{{QUESTION}}</textarea></div>
<fieldset class="field{{#PROVISIONS_HAS_ERROR}} has-error{{/PROVISIONS_HAS_ERROR}}" id="f-provisions">
<legend>مواد قانونی مورد پرسش</legend>
{{#PROVISIONS_HAS_ERROR}}<span class="error-message">{{PROVISIONS_ERROR}}</span>{{/PROVISIONS_HAS_ERROR}}
{{#PROVISION}}<div class="grid">
<div><label for="f-law-{{N}}">قانون {{N_FA}}</label><input type="text" id="f-law-{{N}}" name="law" value="{{LAW}}"></div>
<div><label for="f-article-{{N}}">ماده {{N_FA}}</label><input type="text" id="f-article-{{N}}" name="article" value="{{ARTICLE}}"></div>
</div>{{/PROVISION}}
</fieldset>
<div class="field{{#GAPS_HAS_ERROR}} has-error{{/GAPS_HAS_ERROR}}" id="gaps"><label for="f-gaps">خلأهای مربوط <span class="hint">شناسه هر خلأ در یک سطر، مانند G-1405-0001</span></label>{{#GAPS_HAS_ERROR}}<span class="error-message">{{GAPS_ERROR}}</span>{{/GAPS_HAS_ERROR}}<textarea id="f-gaps" name="gaps" dir="ltr">{{GAPS}}</textarea></div>
<button type="submit">فرستادن به کمیته</button>
</form>
